/// A `ws://` or `wss://` URL split into the parts a connection needs.
struct WebSocketURL: Equatable, Sendable {
    var secure: Bool
    /// Host name or IP address, without IPv6 brackets.
    var host: String
    var port: Int
    /// Path and query, at least `/`.
    var target: String

    /// The host as written in a URL (IPv6 literals in brackets).
    var hostForURL: String { host.contains(":") ? "[\(host)]" : host }

    /// `host:port`, as a proxy's `CONNECT` names the server.
    var authority: String { "\(hostForURL):\(port)" }

    /// The `Host` header: the host, with the port unless it is the scheme's default.
    var hostHeader: String { port == (secure ? 443 : 80) ? hostForURL : authority }

    /// True when the host is an IPv4 or IPv6 literal (no SNI for those).
    var hostIsIPAddress: Bool {
        host.contains(":") || (host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." })
    }

    /// Parses a URL already checked by ``WSCatOptions/normalizedURL(_:)``; nil when the port is not a number.
    init?(_ text: String) {
        guard let separator = text.firstRange(of: "://") else { return nil }
        secure = text[..<separator.lowerBound].lowercased() == "wss"
        let rest = text[separator.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var path = String(rest[authorityEnd...])
        if path.isEmpty || path.hasPrefix("?") { path = "/" + path }
        target = path
        var portText: Substring?
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            portText = authority[authority.index(after: colon)...]
        } else {
            host = String(authority)
        }
        if let portText {
            guard let number = Int(portText), (1...65_535).contains(number) else { return nil }
            port = number
        } else {
            port = secure ? 443 : 80
        }
        guard !host.isEmpty else { return nil }
    }
}
