import Logging

/// The sandbox's log output: what the wrapped handler prints, except for Hummingbird's error for a connection that
/// closed before its first request (`[HummingbirdWebSocket] Error handling upgrade result` with `Inappropriate
/// operation for state`). That is not a server fault: a client that does not trust the sandbox CA aborts the TLS
/// handshake (real curl without `--cacert`, say), a port probe connects and leaves. It becomes one notice that says so.
struct SandboxLogHandler: LogHandler {
    private var wrapped: any LogHandler

    init(wrapping wrapped: any LogHandler) {
        self.wrapped = wrapped
    }

    /// The notice shown instead of the upgrade error.
    static let earlyCloseNotice: Logger.Message = """
        a client closed its connection before sending a request (a TLS client that does not trust the sandbox CA \
        does this: give it ca-bundle.pem, e.g. curl --cacert, SSL_CERT_FILE, wscat --ca)
        """

    func log(event: LogEvent) {
        guard Self.isEarlyClose(event) else {
            wrapped.log(event: event)
            return
        }
        var notice = event
        notice.level = .notice
        notice.message = Self.earlyCloseNotice
        notice.metadata = nil
        wrapped.log(event: notice)
    }

    /// True for Hummingbird's upgrade error on a connection closed before any request.
    static func isEarlyClose(_ event: LogEvent) -> Bool {
        guard event.message.description == "Error handling upgrade result",
            case .string(let type)? = event.metadata?["error.type"]
        else { return false }
        return type.contains("Inappropriate operation for state")
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { wrapped.metadataProvider }
        set { wrapped.metadataProvider = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }
}
