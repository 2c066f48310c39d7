/// Tells from a connection's first bytes whether a client speaks TLS to the sandbox's port, as it should, or plain
/// HTTP (an `http://` URL, as some doc lines write the IdP's), and writes the answer for the latter: `400` with one
/// line that says to use `https://`, which curl prints.
enum PlainHTTPProbe {
    /// What the bytes so far are.
    enum Verdict: Equatable {
        /// A TLS record (handshake, `0x16`) or anything else that is not HTTP: left to TLS.
        case notHTTP
        /// An HTTP request head (complete, or as much as is kept): its target and `Host`.
        case plainHTTP(target: String, host: String?)
        /// The start of an HTTP request, whose head has not ended yet.
        case needMore
    }

    /// How much of a plain request head is read before answering anyway.
    static let headLimit = 8192

    static func inspect(_ bytes: some Collection<UInt8>) -> Verdict {
        guard let first = bytes.first else { return .needMore }
        // Request methods are upper-case tokens (RFC 9110 §9); TLS records start with 0x14…0x17, SSLv2 with ≥0x80.
        guard (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return .notHTTP }
        let head = Array(bytes.prefix(headLimit))
        let text = String(decoding: head, as: UTF8.self)
        let ended = text.contains("\r\n\r\n") || text.contains("\n\n")
        guard ended || head.count >= headLimit else { return .needMore }
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        let requestLine = lines.first.map { $0.split(separator: " ") } ?? []
        let target = requestLine.count >= 2 ? String(requestLine[1]) : "/"
        var host: String?
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].lowercased() == "host" {
                host = line[line.index(after: colon)...].trimmingSpaces
                break
            }
        }
        return .plainHTTP(target: target, host: host)
    }

    /// The 400 answer for a plain request of `target`; `fallbackHost` (the address the client reached) stands in
    /// when the request had no usable `Host`.
    static func answer(target: String, host: String?, fallbackHost: String) -> String {
        let body = "This is an HTTPS port: use \(httpsURL(target: target, host: host, fallbackHost: fallbackHost))\n"
        return "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
    }

    /// `https://` + the host the client used + the request's path (an absolute `http://…` target keeps its own).
    static func httpsURL(target: String, host: String?, fallbackHost: String) -> String {
        let printable = { (text: String) in
            String(text.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F }.map(Character.init).prefix(2048))
        }
        let cleanTarget = printable(target)
        if cleanTarget.lowercased().hasPrefix("http://") {
            return "https://" + cleanTarget.dropFirst("http://".count)
        }
        let cleanHost = host.map(printable).flatMap { $0.isEmpty ? nil : $0 } ?? fallbackHost
        let path = cleanTarget.hasPrefix("/") ? cleanTarget : "/"
        return "https://" + cleanHost + path
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
