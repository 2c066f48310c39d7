/// Reading an HTTP/1.x response from bytes: the head, then how its body is framed (RFC 9112 §6.3).
public enum HTTP1Response {
    /// How the body's end is found.
    public enum Framing: Equatable, Sendable {
        /// No body (HEAD, 1xx, 204, 304).
        case none
        /// Exactly this many bytes.
        case length(Int)
        /// `Transfer-Encoding: chunked`.
        case chunked
        /// Until the server closes the connection.
        case untilClose
    }

    /// Curl's code 8 for a reply that is not HTTP.
    public static let weirdReply = CurlError(code: 8, message: "Weird server reply")

    /// Curl's code 1 for a status line of a version other than HTTP/1.x.
    public static let unsupportedVersion = CurlError(code: 1, message: "Unsupported HTTP version in response")

    /// The longest head accepted (curl allows 100 KB of headers).
    static let maximumHeadSize = 102_400

    /// Parses the head at the start of `bytes`; nil while the blank line has not arrived.
    /// - Returns: the head and the number of bytes it took, blank line included.
    /// - Throws: `CurlError` 8 when the bytes are not an HTTP/1.x response head.
    ///
    /// Plain index loops over the bytes: in a cold process every generic collection adapter (`split`, `reversed`,
    /// `drop(while:)`) costs a scan of the runtime's conformance tables on first use.
    public static func parseHead(_ bytes: ArraySlice<UInt8>) throws(CurlError) -> (head: CurlResponseHead, length: Int)?
    {
        let prefix = Array("HTTP/".utf8)
        for index in 0..<min(prefix.count, bytes.count) where bytes[bytes.startIndex + index] != prefix[index] {
            throw weirdReply
        }
        // Line bounds as two integer arrays (an array of ranges costs a first-use lookup of `Int: Comparable`).
        var lineStarts: [Int] = []
        var lineEnds: [Int] = []
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\n") {
                var lineEnd = index
                if lineEnd > lineStart && bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                if lineEnd == lineStart {
                    guard !lineStarts.isEmpty else { throw weirdReply }
                    return (try head(bytes, starts: lineStarts, ends: lineEnds), index + 1 - bytes.startIndex)
                }
                lineStarts.append(lineStart)
                lineEnds.append(lineEnd)
                lineStart = index + 1
            }
            index += 1
        }
        if bytes.count > maximumHeadSize { throw weirdReply }
        return nil
    }

    /// The head from its lines (status line first), given by where each starts and ends.
    private static func head(_ bytes: ArraySlice<UInt8>, starts: [Int], ends: [Int]) throws(CurlError)
        -> CurlResponseHead
    {
        guard var result = parseStatusLine(bytes[starts[0]..<ends[0]]) else { throw weirdReply }
        // This is an HTTP/1 connection: a status line of another major version is not an answer to read (curl 7.88
        // says the same).
        guard result.version.major == 1 else { throw unsupportedVersion }
        for line in 1..<starts.count {
            let start = starts[line]
            let end = ends[line]
            var colon = start
            while colon < end && bytes[colon] != UInt8(ascii: ":") { colon += 1 }
            guard colon > start, colon < end else { throw weirdReply }
            var valueStart = colon + 1
            var valueEnd = end
            while valueStart < valueEnd && (bytes[valueStart] == 32 || bytes[valueStart] == 9) { valueStart += 1 }
            while valueEnd > valueStart && (bytes[valueEnd - 1] == 32 || bytes[valueEnd - 1] == 9) { valueEnd -= 1 }
            result.headers.append(
                (
                    String(decoding: bytes[start..<colon], as: UTF8.self),
                    String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
                ))
        }
        return result
    }

    /// `HTTP/1.1 200 OK` → version, status and reason.
    private static func parseStatusLine(_ line: ArraySlice<UInt8>) -> CurlResponseHead? {
        // "HTTP/" major ["." minor] " " three digits [" " reason]
        var index = line.startIndex + 5
        func number() -> Int? {
            var value = 0
            let start = index
            while index < line.endIndex, (48...57).contains(line[index]), index - start < 3 {
                value = value * 10 + Int(line[index] - 48)
                index += 1
            }
            return index > start ? value : nil
        }
        guard line.count >= 5, let major = number() else { return nil }
        var minor = 0
        if index < line.endIndex && line[index] == UInt8(ascii: ".") {
            index += 1
            guard let value = number() else { return nil }
            minor = value
        }
        guard index < line.endIndex, line[index] == 32 else { return nil }
        index += 1
        let statusStart = index
        // Three digits, 100 to 999 (RFC 9110 §15): `021` is no status.
        guard let status = number(), index - statusStart == 3, status >= 100 else { return nil }
        var reason = ""
        if index < line.endIndex {
            guard line[index] == 32 else { return nil }
            reason = String(decoding: line[(index + 1)...], as: UTF8.self)
        }
        return CurlResponseHead(version: (major, minor), status: status, reason: reason, headers: [])
    }

    /// How the body of `head`, answering a request with `method`, ends.
    /// - Throws: `CurlError` 8 for a `Content-Length` that is not a number.
    public static func framing(of head: CurlResponseHead, method: String) throws(CurlError) -> Framing {
        if method == "HEAD" || (100..<200).contains(head.status) || head.status == 204 || head.status == 304 {
            return .none
        }
        if let encoding = head.first("Transfer-Encoding"), encoding.lowercased().hasSuffix("chunked") {
            return .chunked
        }
        if let length = head.first("Content-Length") {
            let digits = length.utf8.filter { $0 != 32 }
            guard !digits.isEmpty, digits.count < 19, digits.allSatisfy({ (48...57).contains($0) }) else {
                throw weirdReply
            }
            let value = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
            return .length(value)
        }
        return .untilClose
    }
}
