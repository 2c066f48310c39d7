/// What a WebSocket close code means (RFC 6455 §7.4), with what the socket's dialect adds, and what to do about it.
enum CloseCodes {
    /// `4401 token expired: refresh the token (step 4) and reconnect`: the code, its meaning, and the advice.
    static func explain<Dialect: WSCatDialect>(_ code: Int, reason: String?, dialect: Dialect.Type) -> String {
        var text = "\(code) \(dialect.closeMeaning(code, reason: reason) ?? meaning(code))"
        if let reason, !reason.isEmpty { text += " (server said: \(reason))" }
        return text
    }

    /// The meaning of a close code whatever the protocol, with the action that usually helps.
    static func meaning(_ code: Int) -> String {
        switch code {
        case 1000: "normal closure"
        case 1001: "going away: the server is shutting down or restarting; reconnect in a few seconds"
        case 1002: "protocol error"
        case 1003: "unsupported data"
        case 1005: "closed without a status code"
        case 1006: "connection lost (no close frame): reconnect in a few seconds"
        case 1007: "invalid frame payload (not UTF-8)"
        case 1008: "policy violation"
        case 1009: "message too big"
        case 1010: "the server did not accept a required extension"
        case 1011: "server error: reconnect in a few seconds"
        case 1012: "service restart: reconnect in a few seconds"
        case 1013: "try again later"
        case 1015: "TLS handshake failure"
        case 3000..<4000: "closed by the server (registered application code)"
        case 4000..<5000: "closed by the server (application code)"
        default: "closed"
        }
    }

    /// True for the codes after which reconnecting (with `-r`) may help.
    static func isTransient(_ code: Int) -> Bool {
        [1001, 1006, 1011, 1012, 1013].contains(code)
    }
}
