import Foundation
import JSONQuery
import LivePersonAPI
import ShellRuntime
import ShellTestSupport
import Testing

@testable import LivePersonSandbox
@testable import ShellBuiltins

/// `wscat` against the LivePerson sandbox over WSS on loopback: the tutorial's command line verbatim.
@Suite(.serialized)
struct SandboxTests {
    /// One key directory for the run (RSA key generation happens once).
    static let keyDirectory: String = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lp-wscat-tests-\(getpid())").path
        _ = try? CertificateAuthority.loadOrCreate(directory: directory)
        return directory
    }()

    private func withSandbox(_ body: (RunningSandbox, [String: String]) async throws -> Void) async throws {
        var configuration = SandboxConfiguration()
        configuration.port = 0
        configuration.caDirectory = Self.keyDirectory
        configuration.botEnabled = false
        let sandbox = try await RunningSandbox.start(configuration)
        var environment: [String: String] = [:]
        for (name, value) in sandbox.exports { environment[name] = value }
        do {
            try await body(sandbox, environment)
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    /// A consumer JWT as `signup` issues it, valid for `lifetime` seconds (negative: already expired).
    private func consumerToken(_ sandbox: RunningSandbox, lifetime: Int64 = 3600) throws -> String {
        let authority = try CertificateAuthority.loadOrCreate(directory: Self.keyDirectory)
        let now = Int64(Date().timeIntervalSince1970)
        return TokenSigner(key: authority.signingKey).sign(
            TokenClaims(
                sub: UUID().uuidString.lowercased(), aud: "acc:\(sandbox.account)", iss: TokenSigner.issuer,
                exp: now + lifetime, iat: now - 10, kind: .consumer))
    }

    /// The tutorial line after expansion: `wscat -k 60 -H "Authorization:jwt $LP_JWT" -c "wss://…?v=3"`.
    private func docLine(_ environment: [String: String], jwt: String, account: String) -> [String] {
        [
            "-k", "60", "-H", "Authorization:jwt \(jwt)", "-c",
            "wss://\(environment["LP_ASYNCMESSAGINGENT"] ?? "")/ws_api/account/\(account)/messaging/consumer?v=3",
        ]
    }

    @Test func gettingStartedTranscriptInBatchMode() async throws {
        try await withSandbox { sandbox, environment in
            let jwt = try consumerToken(sandbox)
            let script = [CorpusFrames.requestConversation, CorpusFrames.publish, "/close", "echo done"]
            let result = await WSCatHarness.run(
                docLine(environment, jwt: jwt, account: sandbox.account) + ["-w", "0.5"], script: script,
                environment: environment)
            let conversation = try #require(result.variables["LP_CONV_ID"], "\(result.stderr)")
            let frames = result.frames.map { try? FrameJSON.parse($0) }
            let first = try #require(frames.first ?? nil, "\(result.stdout)\n\(result.stderr)")
            #expect(first["reqId"] == .string("1"))
            #expect(first["type"] == .string("cm.RequestConversationResponse"))
            #expect(first["body"]?["conversationId"] == .string(conversation))
            let publish = frames.compactMap { $0 }.first { $0["reqId"] == .string("2") }
            #expect(publish?["code"] == .number(200), "\(result.stdout)")
            #expect(result.stderr.contains("note: replaced __YOUR_CONVERSATION_ID__ with \(conversation)"))
            #expect(result.remainingScript == ["echo done"])
            // The transcript is one compact JSON object per line.
            #expect(result.frames.allSatisfy { !$0.contains(": ") && !$0.contains("\t") }, "\(result.stdout)")
            #expect(result.status == .success, "\(result.stderr)")
        }
    }

    @Test func tlsTrustComesFromTheEnvironmentCAOptionOrNoCheck() async throws {
        try await withSandbox { sandbox, environment in
            let jwt = try consumerToken(sandbox)
            let line =
                docLine(environment, jwt: jwt, account: sandbox.account) + ["-x", CorpusFrames.requestConversation]
            let fromEnvironment = await WSCatHarness.run(line, environment: environment)
            #expect(fromEnvironment.status == .success, "\(fromEnvironment.stderr)")
            let withCA = await WSCatHarness.run(line + ["--ca", sandbox.caCertificatePath])
            #expect(withCA.status == .success, "\(withCA.stderr)")
            let noCheck = await WSCatHarness.run(line + ["-n"])
            #expect(noCheck.status == .success, "\(noCheck.stderr)")
            let untrusted = await WSCatHarness.run(line)
            #expect(untrusted.status == .failure)
            #expect(
                untrusted.stderr.hasPrefix("wscat: error: TLS: the certificate of 127.0.0.1"), "\(untrusted.stderr)")
            let missingCA = await WSCatHarness.run(line + ["--ca", "/nonexistent/ca.pem"])
            #expect(missingCA.status == .usage)
            #expect(missingCA.stderr == "wscat: --ca /nonexistent/ca.pem: cannot read the file\n")
            // SSL_CERT_FILE adds to the system store (as OpenSSL reads it): a file with the sandbox's CA alone
            // works, and one with no certificate in it is one line naming it.
            var caOnly = environment
            caOnly["SSL_CERT_FILE"] = sandbox.caCertificatePath
            let withCAOnly = await WSCatHarness.run(line, environment: caOnly)
            #expect(withCAOnly.status == .success, "\(withCAOnly.stderr)")
            let notPEM = try TemporaryDirectory(prefix: "wscat-ca-")
            defer { notPEM.remove() }
            let empty = notPEM.path + "/empty.pem"
            #expect(FileManager.default.createFile(atPath: empty, contents: Data("not a certificate\n".utf8)))
            var emptyBundle = environment
            emptyBundle["SSL_CERT_FILE"] = empty
            let refused = await WSCatHarness.run(line, environment: emptyBundle)
            #expect(refused.status == .usage)
            #expect(refused.stderr == "wscat: SSL_CERT_FILE \(empty): no PEM certificate in it\n")
        }
    }

    // The close ends the wait at once; the long `-w` only leaves a loaded machine time to deliver it.
    @Test func expiredTokenClosesWith4401AndItsMeaning() async throws {
        try await withSandbox { sandbox, environment in
            let jwt = try consumerToken(sandbox, lifetime: -60)
            let result = await WSCatHarness.run(
                docLine(environment, jwt: jwt, account: sandbox.account) + ["-r", "-w", "20"], environment: environment)
            #expect(result.status == .failure)
            #expect(
                result.stderr.contains("disconnected: 4401 token expired: refresh the token (step 4) and reconnect"),
                "\(result.stderr)")
            #expect(result.stderr.contains("not reconnecting: the server rejected the token"))
            #expect(!result.stderr.contains(jwt))
        }
    }

    @Test func theTutorialLineThroughTheProxyInHttpsProxy() async throws {
        let proxy = try HTTPTestProxy()
        defer { proxy.stop() }
        try await withSandbox { sandbox, environment in
            var environment = environment
            environment["https_proxy"] = "http://\(proxy.hostPort)"
            let jwt = try consumerToken(sandbox)
            let result = await WSCatHarness.run(
                docLine(environment, jwt: jwt, account: sandbox.account) + ["-w", "0.5"],
                script: [CorpusFrames.requestConversation, "/close"], environment: environment)
            #expect(result.status == .success, "\(result.stderr)")
            #expect(result.variables["LP_CONV_ID"] != nil, "\(result.stderr)")
            let host = environment["LP_ASYNCMESSAGINGENT"] ?? ""
            #expect(proxy.takeHeads() == ["CONNECT \(host) HTTP/1.1\r\nHost: \(host)"])
        }
    }

    @Test func emptyHostVariableIsAUsageError() async {
        let result = await WSCatHarness.run(["-c", "wss:///ws_api/account/x/messaging/consumer?v=3"])
        #expect(result.status == .usage)
        #expect(result.stderr.contains("the URL has no host"))
    }
}
