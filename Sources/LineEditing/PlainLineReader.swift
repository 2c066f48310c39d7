#if canImport(Glibc)
    import Glibc
#endif

/// Reads lines from a descriptor with no prompt and no editing (pipes, files, `-c`, tests).
public final class PlainLineReader: LineReader {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes before this offset (from `start`) are known to hold no newline, so a long line is scanned once.
    private var scanned = 0
    private var atEnd = false

    /// Reads from `fileDescriptor` (standard input by default).
    public init(fileDescriptor: Int32 = 0) {
        self.fd = fileDescriptor
    }

    public func readLine(prompt: String) -> ReadResult {
        while true {
            if let newline = buffer[max(start, scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[start..<newline], as: UTF8.self)
                start = newline + 1
                scanned = start
                if start > 65_536 {
                    buffer.removeFirst(start)
                    start = 0
                    scanned = 0
                }
                return .line(line)
            }
            scanned = buffer.count
            if atEnd {
                guard start < buffer.count else { return .endOfInput }
                let line = String(decoding: buffer[start...], as: UTF8.self)
                start = buffer.count
                return .line(line)
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                atEnd = true
            }
        }
    }
}

/// Reads lines from a string (`lp-shell -c`, `source`, tests).
public final class StringLineReader: LineReader {
    private var lines: [Substring]
    private var index = 0

    /// Splits `text` into lines (a trailing newline does not add an empty line).
    public init(_ text: String) {
        // Split on the "\n" scalar: "\r\n" is a single Character, so splitting on Character "\n" would keep a
        // CRLF file as one line.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Substring.init)
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    public func readLine(prompt: String) -> ReadResult {
        guard index < lines.count else { return .endOfInput }
        defer { index += 1 }
        return .line(String(lines[index]))
    }
}
