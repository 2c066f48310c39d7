import Foundation
import ShellTestSupport
import Testing

/// Start-up with `LP_ACCOUNT` set: services resolved through CSDS (a separately started sandbox standing in for
/// LivePerson's), exported as `LP_<SERVICE>`, cached for a day under `$XDG_CACHE_HOME/lp-shell/`.
@Suite("CSDS start-up")
struct CSDSStartupTests {
    static let account = "le92345678"
    static let services = [
        "LP_IDP", "LP_ASYNCMESSAGINGENT", "LP_AGENTVEP", "LP_ACCOUNTCONFIGREADONLY", "LP_SWIFT", "LP_ACCDNDOMAIN",
    ]
    static let show =
        "for v in LP_IDP LP_ASYNCMESSAGINGENT LP_AGENTVEP LP_ACCOUNTCONFIGREADONLY LP_SWIFT LP_ACCDNDOMAIN "
        + "; do eval \"printf '%s=%s\\\\n' $v \\\"\\$$v\\\"\"; done; echo \"sandbox=${LP_SANDBOX-unset}\""

    /// The environment a user of the real service would have: the account, the CSDS host, the CA trusted.
    static func accountEnvironment(_ sandbox: StandaloneSandbox) throws -> [String: String] {
        let csds = try #require(sandbox.exports["LP_CSDS"])
        let bundle = try #require(sandbox.exports["SSL_CERT_FILE"])
        return ["LP_ACCOUNT": account, "LP_CSDS": csds, "SSL_CERT_FILE": bundle, "CURL_CA_BUNDLE": bundle]
    }

    static func cacheFiles(_ session: Session) -> [String] {
        let folder = session.cacheHome + "/lp-shell"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).map { folder + "/" + $0 }
    }

    @Test func servicesExportedCachedAndReused() async throws {
        let session = try Session()
        defer { session.remove() }
        let sandbox = try StandaloneSandbox(arguments: [], environment: session.environment, directory: session.work)
        defer { sandbox.stop() }
        let environment = try Self.accountEnvironment(sandbox)
        let hostPort = try #require(environment["LP_CSDS"])

        // First start: looked up at the sandbox-as-CSDS; every service exported; the answer cached (0600).
        let first = try await session.run(["-c", Self.show], extraEnvironment: environment)
        #expect(first.status == 0, "\(first)")
        #expect(first.stderr == "", "\(first)")
        for name in Self.services { #expect(first.probe(name) == hostPort, "\(name): \(first)") }
        #expect(first.probe("sandbox") == "unset", "not sandbox mode")
        let files = Self.cacheFiles(session)
        #expect(files.count == 1)
        let cache = try #require(files.first)
        #expect(cache.hasSuffix(".json") && cache.contains(Self.account))
        #expect(try permissions(of: cache) == 0o600)
        #expect(try permissions(of: session.cacheHome + "/lp-shell") == 0o700)
        #expect(try String(contentsOfFile: cache, encoding: .utf8).contains(#""service":"asyncMessagingEnt""#))

        // The services are real: the unauthenticated tutorial's step 1 works against them.
        let step = try await session.run(
            [], input: try Corpus.text(Corpus.seedStep1) + "\n" + probe("LP_EXT_JWT") + "\n",
            extraEnvironment: environment)
        #expect(step.probe("LP_EXT_JWT").flatMap(JWTClaims.init)?.audience == "acc:\(Self.account)", "\(step)")

        // Second start with the CSDS gone: the cache answers, silently.
        sandbox.stop()
        let second = try await session.run(["-c", Self.show], extraEnvironment: environment)
        #expect(second.status == 0, "\(second)")
        #expect(second.stderr == "", "\(second)")
        for name in Self.services { #expect(second.probe(name) == hostPort, "\(name): \(second)") }

        // --offline uses the cache too.
        let offline = try await session.run(["--offline", "-c", Self.show], extraEnvironment: environment)
        #expect(offline.stderr == "", "\(offline)")
        #expect(offline.probe("LP_IDP") == hostPort)
    }

    @Test func unreachableCSDSGivesOneLineAndTheShellStarts() async throws {
        let session = try Session()
        defer { session.remove() }
        let sandbox = try StandaloneSandbox(arguments: [], environment: session.environment, directory: session.work)
        let environment = try Self.accountEnvironment(sandbox)
        sandbox.stop()  // nothing listens on its port any more

        let result = try await session.run(["-c", "echo started; " + probe("LP_IDP")], extraEnvironment: environment)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "started\nLP_IDP=\n")
        let lines = result.stderr.split(separator: "\n")
        let failure = try #require(lines.first, "\(result)")
        #expect(failure.hasPrefix("lp-shell: CSDS lookup for account \(Self.account) failed ("), "\(result)")
        #expect(failure.contains("LP_IDP, LP_ASYNCMESSAGINGENT and the other service hosts are not set"))
        #expect(failure.hasSuffix("Check LP_ACCOUNT, or use --sandbox to work offline"))
        // Expanding an unset service variable afterwards points back at that line, once.
        #expect(lines.count == 2, "\(result)")
        #expect(lines.last?.contains("LP_IDP is not set; the account's services could not be looked up") == true)
        #expect(Self.cacheFiles(session).isEmpty, "a failed lookup caches nothing")
        #expect(!result.crashed)
    }

    @Test func offlineWithoutCache() async throws {
        let session = try Session()
        defer { session.remove() }
        let environment = ["LP_ACCOUNT": Self.account, "LP_CSDS": "127.0.0.1:9"]
        let result = try await session.run(["--offline", "-c", "echo started"], extraEnvironment: environment)
        #expect(result.status == 0)
        #expect(result.stdout == "started\n")
        #expect(
            result.stderr
                == "lp-shell: warning: --offline and no cached services for account \(Self.account): "
                + "LP_IDP, LP_ASYNCMESSAGINGENT and the other service hosts are not set\n", "\(result)")
    }
}
