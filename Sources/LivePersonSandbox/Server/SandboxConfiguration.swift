#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Everything `lp-shell sandbox` can be told on its command line.
public struct SandboxConfiguration: Sendable, Equatable {
    /// Address to bind; loopback by default.
    public var host: String = "127.0.0.1"
    /// Port to bind; 0 picks a free one.
    public var port: Int = 8443
    /// Where the CA, server certificate and JWT signing key live; `nil` means `$XDG_DATA_HOME/lp-shell/sandbox`.
    public var caDirectory: String?
    /// `--data DIR`: keep accounts, conversations, messages, agent sessions and revocations in `DIR/sandbox.sqlite`
    /// (and the keys in DIR unless `--ca-dir` says otherwise); `nil` keeps everything in memory.
    public var dataDirectory: String?
    /// Lifetime of the unauthenticated external JWT from `anonymous/authorize` (LivePerson: 10 minutes).
    public var externalTokenTTL: Duration = .seconds(600)
    /// How long after its first issue an external identity can be refreshed (LivePerson: 730 hours).
    public var refreshWindow: Duration = .seconds(730 * 3600)
    /// Lifetime of the LP JWT from `signup` (LivePerson's samples: about 13 years).
    public var signupTokenTTL: Duration = .seconds(410_240_040)
    /// Delay before the built-in bot accepts a conversation or answers a message.
    public var botReplyDelay: Duration = .milliseconds(300)
    /// Whether the built-in bot plays the agent when no human agent is online.
    public var botEnabled: Bool = true
    /// Whether a post-conversation survey is configured: closing an assigned conversation's MAIN dialog opens a
    /// `POST_SURVEY` dialog run by the built-in survey bot (`--no-survey`: closing closes the conversation).
    public var surveyEnabled: Bool = true
    /// How long a survey waits for the consumer's answer before it closes (LivePerson's default: one hour).
    public var surveyTimeout: Duration = .seconds(3600)
    /// Account the banner and the export lines name.
    public var defaultAccount: String = "sandbox"
    /// How long an unauthenticated socket may wait before sending `InitConnection`.
    public var initConnectionTimeout: Duration = .seconds(5)
    /// Server ping period; a peer that does not answer two pings is closed (the UMS wants traffic every 60 s).
    public var pingPeriod: Duration = .seconds(30)
    /// How long a connection may stay open without sending a byte of a request (a TLS handshake that never ends
    /// included) before it is closed.
    public var idleTimeout: Duration = .seconds(10)
    /// How long the first request head may take from its first byte to its blank line before the connection gets
    /// `408 Request Timeout` and is closed.
    public var headerTimeout: Duration = .seconds(10)
    /// Requests per second one socket may send before getting 429 answers.
    public var requestsPerSecond: Int = 2000
    /// `lp-shell class`: the class this sandbox runs (learners join it, a dashboard shows them); `nil` for a plain
    /// sandbox.
    public var classroom: ClassSettings?
    /// Whether `lp-shell sandbox --help` was asked for.
    public var showHelp: Bool = false

    /// The defaults: 127.0.0.1:8443, LivePerson's token lifetimes, a 300 ms bot.
    public init() {}

    /// Whether `host` is a loopback address (anything else gets a warning).
    public var isLoopback: Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }

    /// The directory holding the sandbox's keys, resolved against the environment: `--ca-dir`, else `--data`,
    /// else `$XDG_DATA_HOME/lp-shell/sandbox`.
    public func resolvedCADirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let caDirectory { return caDirectory }
        if let dataDirectory { return dataDirectory }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return xdg + "/lp-shell/sandbox"
        }
        let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        return home + "/.local/share/lp-shell/sandbox"
    }
}
