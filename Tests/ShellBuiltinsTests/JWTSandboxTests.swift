import Foundation
import JSONQuery
import LivePersonSandbox
import ShellRuntime
import ShellTestSupport
import Testing

@testable import ShellBuiltins

/// `jwt decode --jwks` against the real sandbox over HTTPS on loopback: its IdP issues the token and serves the JWKS.
@Suite struct JWTSandboxTests {
    /// The sandbox every case shares, started on first use (its CA and signing key go to a per-run directory).
    static let sandbox = Task { () throws -> RunningSandbox in
        var configuration = SandboxConfiguration()
        configuration.port = 0
        configuration.botEnabled = false
        configuration.caDirectory =
            FileManager.default.temporaryDirectory.appendingPathComponent("lp-jwt-tests-\(getpid())").path
        return try await RunningSandbox.start(configuration)
    }

    /// The sandbox, its JWKS URL, and a fresh token from `anonymous/authorize` fetched with the builtin curl.
    static func setUp() async throws -> (sandbox: RunningSandbox, jwks: String, token: String) {
        let sandbox = try await sandbox.value
        let url = "https://\(sandbox.hostPort)/api/account/\(sandbox.account)/anonymous/authorize"
        let arguments = [
            "-sS", "-X", "POST", "-H", "Content-Type: application/json", "--cacert", sandbox.caCertificatePath, url,
        ]
        let answer = await offThread { runBuiltin(Curl.self, arguments) }
        #expect(answer.status == .success, "\(answer.stderr)")
        let body = try JSONParser.parseSingle(answer.stdoutText)
        guard case .object(let object) = body, let token = object["token"]?.stringValue else {
            Issue.record("no token in \(answer.stdoutText)")
            throw CancellationError()
        }
        return (sandbox, "https://\(sandbox.hostPort)/.well-known/jwks.json", token)
    }

    static func jwt(_ arguments: [String]) async -> BuiltinResult {
        await offThread { runBuiltin(JWT.self, arguments) }
    }

    /// The token with one segment replaced by the base64url of `json`.
    static func replacing(_ segment: Int, of token: String, with json: String) -> String {
        var parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        parts[segment] = JWTSignatureTests.base64URL(Array(json.utf8))
        return parts.joined(separator: ".")
    }

    @Test func anonymousTokenVerifies() async throws {
        let (sandbox, jwks, token) = try await Self.setUp()
        let result = await Self.jwt(["decode", token, "--jwks", jwks, "--cacert", sandbox.caCertificatePath])
        #expect(result.status == .success, "\(result.stderr)")
        #expect(result.stdoutText.hasPrefix("header:\n{\n  \"kid\": \"00001\",\n"))
        #expect(result.stdoutText.hasSuffix("signature: valid (RS256, kid 00001, from \(jwks))\n"))
        #expect(result.stderr.isEmpty)
    }

    @Test func tamperedPayloadIsInvalid() async throws {
        let (sandbox, jwks, token) = try await Self.setUp()
        let forged = Self.replacing(1, of: token, with: #"{"sub":"someone-else","exp":4102444800}"#)
        let result = await Self.jwt(["decode", forged, "--jwks", jwks, "--cacert", sandbox.caCertificatePath])
        #expect(result.status == .failure)
        #expect(result.stdoutText.hasSuffix("signature: INVALID (RS256, kid 00001, from \(jwks))\n"))
        #expect(result.stdoutText.contains("\"sub\": \"someone-else\""))
    }

    @Test func unknownKidIsOneLineWithStatus3() async throws {
        let (sandbox, jwks, token) = try await Self.setUp()
        let other = Self.replacing(0, of: token, with: #"{"kid":"00002","typ":"JWT","alg":"RS256"}"#)
        let result = await Self.jwt(["decode", other, "--jwks", jwks, "--cacert", sandbox.caCertificatePath])
        #expect(result.status == .jwtKeyUnavailable)
        #expect(result.stderr == "jwt: --jwks \(jwks): no key with kid '00002' (it has kid '00001')\n")
        #expect(!result.stdoutText.contains("signature:"))
    }

    @Test func tlsIsVerifiedUnlessInsecure() async throws {
        let (_, jwks, token) = try await Self.setUp()
        let untrusted = await Self.jwt(["decode", token, "--jwks", jwks])
        #expect(untrusted.status == .jwtKeyUnavailable)
        #expect(
            untrusted.stderr
                == "jwt: --jwks \(jwks): (60) SSL certificate problem: unable to get local issuer certificate\n")
        let insecure = await Self.jwt(["decode", token, "--jwks", jwks, "-k"])
        #expect(insecure.status == .success, "\(insecure.stderr)")
        #expect(insecure.stdoutText.hasSuffix("signature: valid (RS256, kid 00001, from \(jwks))\n"))
    }

    @Test func caBundleFromTheEnvironmentIsTrustedLikeCurl() async throws {
        let (sandbox, jwks, token) = try await Self.setUp()
        let result = await offThread {
            runBuiltin(
                JWT.self, ["verify", "--jwks", jwks, token],
                environment: ["CURL_CA_BUNDLE": sandbox.caCertificatePath])
        }
        #expect(result.stdoutText == "signature: valid (RS256, kid 00001, from \(jwks))\n", "\(result.stderr)")
        #expect(result.status == .success)
    }

    @Test func unreachableURLNamesCurlsError() async throws {
        let (_, _, token) = try await Self.setUp()
        let url = "https://127.0.0.1:1/.well-known/jwks.json"
        let result = await Self.jwt(["decode", token, "--jwks", url])
        #expect(result.status == .jwtKeyUnavailable)
        #expect(result.stderr.hasPrefix("jwt: --jwks \(url): (7) Failed to connect to 127.0.0.1 port 1 after "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func missingDocumentIsCurlsHTTPError() async throws {
        let (sandbox, _, token) = try await Self.setUp()
        let url = "https://\(sandbox.hostPort)/no/such/jwks.json"
        let result = await Self.jwt(["decode", token, "--jwks", url, "--cacert", sandbox.caCertificatePath])
        #expect(result.status == .jwtKeyUnavailable)
        #expect(result.stderr == "jwt: --jwks \(url): (22) The requested URL returned error: 404\n")
    }

    @Test func documentThatIsNotAJWKS() async throws {
        let (_, _, token) = try await Self.setUp()
        let server = try await CurlTestEnvironment.shared().http
        let json = await Self.jwt(["decode", token, "--jwks", "\(server.baseURL)/json"])
        #expect(json.stderr == "jwt: --jwks \(server.baseURL)/json: not a JWKS: no \"keys\" array\n")
        #expect(json.status == .jwtKeyUnavailable)
        let text = await Self.jwt(["verify", token, "--jwks", "\(server.baseURL)/status/200"])
        #expect(
            text.stderr
                == "jwt: --jwks \(server.baseURL)/status/200: not a JWKS: the body is not JSON (it starts 'status 200')\n"
        )
    }

    @Test func jsonOutputCarriesTheVerdict() async throws {
        let (sandbox, jwks, token) = try await Self.setUp()
        let result = await Self.jwt(["decode", "--json", token, "--jwks", jwks, "--cacert", sandbox.caCertificatePath])
        #expect(result.status == .success)
        let value = try JSONParser.parseSingle(result.stdoutText)
        guard case .object(let object) = value, case .object(let signature)? = object["signature"] else {
            Issue.record("no signature object in \(result.stdoutText)")
            return
        }
        #expect(object.keys == ["header", "payload", "signature"])
        #expect(signature["status"] == .string("valid"))
        #expect(signature["kid"] == .string("00001"))
        #expect(signature["jwks"] == .string(jwks))
        let verify = await Self.jwt(["verify", "--json", token, "--jwks", jwks, "--cacert", sandbox.caCertificatePath])
        #expect(
            verify.stdoutText
                == "{\n  \"status\": \"valid\",\n  \"alg\": \"RS256\",\n  \"kid\": \"00001\",\n  \"jwks\": \"\(jwks)\"\n}\n"
        )
    }
}
