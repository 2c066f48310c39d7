import HTTPTransfer
import ShellTestSupport
import Testing

/// The HTTP client's value API against a real server on loopback: what `jwt --jwks` and the CSDS start-up get.
@Suite struct HTTPFetchTests {
    static let trust = TrustStore(insecure: false, caCertificatePath: nil, environment: [:])

    func fetch(_ url: String) async -> HTTPFetch.Outcome {
        let request = HTTPFetch.Request(url: url, trust: Self.trust, environment: [:], maximumSeconds: 10)
        return await offThread { HTTPFetch.get(request) }
    }

    @Test func aBodyFollowsRedirectsAndFailuresAreCurlsNumberedErrors() async throws {
        let server = try await HTTPTestServer.start()
        defer { Task { try? await server.shutdown() } }

        guard case .body(let body) = await fetch(server.baseURL + "/redirect/2") else {
            Issue.record("expected the body after two redirects")
            return
        }
        #expect(String(decoding: body, as: UTF8.self).hasPrefix(#"{"method":"GET","path":"/echo""#))

        guard case .failed(let notFound) = await fetch(server.baseURL + "/status/404") else {
            Issue.record("expected curl's error 22")
            return
        }
        #expect(notFound.code == 22 && notFound.message == "The requested URL returned error: 404")

        guard case .failed(let malformed) = await fetch("http://[::1") else {
            Issue.record("expected curl's error 3")
            return
        }
        #expect(malformed.code == 3)
    }

    @Test func aServerThatIsNotThereIsCurlsSeven() async throws {
        // Port 1 is privileged and nothing listens there (the bad-input rows use it too).
        guard case .failed(let error) = await fetch("http://127.0.0.1:1/") else {
            Issue.record("expected curl's error 7")
            return
        }
        #expect(error.code == 7 && error.message.hasPrefix("Failed to connect to 127.0.0.1 port 1 after "))
    }
}
