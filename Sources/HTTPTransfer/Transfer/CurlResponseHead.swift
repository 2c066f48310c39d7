/// A response's status line and headers, whichever transport brought them.
public struct CurlResponseHead: Sendable, Equatable {
    /// `1.1`, `1.0` or `2.0`.
    public var version: (major: Int, minor: Int)
    /// The status code.
    public var status: Int
    /// The reason phrase (empty for HTTP/2).
    public var reason: String
    /// The header fields in the order received, names as sent.
    public var headers: [(name: String, value: String)]

    public static func == (lhs: CurlResponseHead, rhs: CurlResponseHead) -> Bool {
        lhs.version == rhs.version && lhs.status == rhs.status && lhs.reason == rhs.reason
            && lhs.headers.elementsEqual(rhs.headers) { $0.name == $1.name && $0.value == $1.value }
    }

    /// The first value of the header `name` (case-insensitive).
    public func first(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// Every value of the header `name` (case-insensitive), in order.
    public func values(_ name: String) -> [String] {
        let lowered = name.lowercased()
        var values: [String] = []
        for header in headers where header.name.lowercased() == lowered { values.append(header.value) }
        return values
    }

    /// The version as `%{http_version}` shows it: `1.1`, `1.0` or `2`.
    public var versionText: String { version.major == 2 ? "2" : "\(version.major).\(version.minor)" }

    /// The status line, the headers and the blank line, with CRLF endings, as `-i` prints them.
    public var block: String {
        let line =
            version.major == 2
            ? "HTTP/2 \(status) \(reason)" : "HTTP/\(version.major).\(version.minor) \(status) \(reason)"
        var block = line + "\r\n"
        for header in headers { block += "\(header.name): \(header.value)\r\n" }
        return block + "\r\n"
    }
}
