/// A URL as curl reads it from the command line: `http://` is assumed when the scheme is missing.
package struct CurlURL: Sendable, Equatable, CustomStringConvertible {
    /// `http` or `https`.
    var scheme: String
    /// The user part before `@`, if any (`http://user:pw@host/`).
    var userInfo: String?
    /// The host, without brackets for IPv6.
    var host: String
    /// The port, or nil for the scheme's default.
    var port: Int?
    /// The path, always starting with `/`.
    package var path: String
    /// The query without `?`, or nil.
    package var query: String?

    /// The port a connection goes to.
    var effectivePort: Int { port ?? (scheme == "https" ? 443 : 80) }

    /// The host as it appears in a URL (IPv6 in brackets).
    var hostForURL: String { host.contains(":") ? "[\(host)]" : host }

    /// `host:port` with the port always given, as `CONNECT` names the server.
    var authority: String { "\(hostForURL):\(effectivePort)" }

    /// The `Host` header value: the port only when it is not the default.
    var hostHeader: String {
        if let port, port != (scheme == "https" ? 443 : 80) { return "\(hostForURL):\(port)" }
        return hostForURL
    }

    /// The request target: path and query.
    var target: String { query.map { "\(path)?\($0)" } ?? path }

    /// The full normalised URL (curl's `url_effective`).
    package var description: String {
        let portPart = port.map { ":\($0)" } ?? ""
        return "\(scheme)://\(hostForURL)\(portPart)\(target)"
    }

    /// Parses command-line text.
    /// - Throws: `CurlError` 3 for a malformed URL, 1 for a scheme other than http and https.
    package init(parsing text: String) throws(CurlError) {
        var rest = Substring(text)
        if let range = rest.firstRange(of: "://") {
            let scheme = rest[..<range.lowerBound].lowercased()
            guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else {
                throw .malformedURL
            }
            guard scheme == "http" || scheme == "https" else { throw .unsupportedProtocol(scheme) }
            self.scheme = scheme
            rest = rest[range.upperBound...]
        } else {
            self.scheme = "http"
        }
        guard !rest.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            throw .malformedURL
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let remainder = rest[authorityEnd...]
        if let at = authority.lastIndex(of: "@") {
            userInfo = String(authority[..<at])
            authority = authority[authority.index(after: at)...]
        }
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .malformedURL }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") {
                portText = after.dropFirst()
            } else if !after.isEmpty {
                throw .malformedURL
            }
        } else if let colon = authority.firstIndex(of: ":") {
            host = String(authority[..<colon])
            portText = authority[authority.index(after: colon)...]
        } else {
            host = String(authority)
        }
        host = host.lowercased()
        guard !host.isEmpty, !host.contains(where: { "<>\"{}|\\^`%".contains($0) }) else { throw .malformedURL }
        if let portText, !portText.isEmpty {
            guard portText.allSatisfy(\.isASCIIDigit), let number = Int(portText), number <= 65_535 else {
                throw .malformedURL
            }
            port = number
        }
        if let question = remainder.firstIndex(of: "?") {
            path = String(remainder[..<question])
            query = String(remainder[remainder.index(after: question)...])
        } else {
            path = String(remainder)
        }
        if path.isEmpty { path = "/" }
    }

    /// Resolves a `Location` header against this URL.
    func resolving(_ location: String) throws(CurlError) -> CurlURL {
        if location.contains("://") { return try CurlURL(parsing: location) }
        if location.hasPrefix("//") { return try CurlURL(parsing: "\(scheme):\(location)") }
        var resolved = self
        var reference = Substring(location)
        if let hash = reference.firstIndex(of: "#") { reference = reference[..<hash] }
        var newPath: Substring
        if let question = reference.firstIndex(of: "?") {
            newPath = reference[..<question]
            resolved.query = String(reference[reference.index(after: question)...])
        } else {
            newPath = reference
            resolved.query = nil
        }
        if newPath.isEmpty {
            if reference.hasPrefix("?") { return resolved }
            resolved.query = query
            return resolved
        }
        if !newPath.hasPrefix("/") {
            let directory = path.lastIndex(of: "/").map { path[...$0] } ?? "/"
            newPath = directory + newPath
        }
        resolved.path = Self.removingDotSegments(String(newPath))
        return resolved
    }

    /// Squashes `/./` and `/../` in the path, as curl does unless `--path-as-is`.
    package mutating func squashDotSegments() {
        if path.split(separator: "/").contains(where: { $0 == "." || $0 == ".." }) {
            path = Self.removingDotSegments(path)
        }
    }

    private static func removingDotSegments(_ path: String) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (offset, segment) in segments.enumerated() {
            let isLast = offset == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return "/" + output.joined(separator: "/")
    }
}

extension Character {
    /// True for `0`…`9`.
    package var isASCIIDigit: Bool { isASCII && isNumber }
}
