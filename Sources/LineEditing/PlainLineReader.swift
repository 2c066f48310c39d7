#if canImport(Glibc)
    import Glibc
#endif

/// Reads lines from a descriptor with no prompt and no editing (pipes, files, `-c`, tests).
public final class PlainLineReader: LineReader, @unchecked Sendable {
    // @unchecked: used by the shell's one reading thread; builtins that read script lines run on that thread.
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
public final class StringLineReader: LineReader, @unchecked Sendable {
    // @unchecked: used by the shell's one reading thread; builtins that read script lines run on that thread.
    // The lines are cut from the string's own UTF-8 storage: a whole script is not copied into a byte array.
    private var text: String
    private var offset = 0

    /// Reads the lines of `text` (a trailing newline does not add an empty line).
    public init(_ text: String) {
        self.text = text
    }

    public func readLine(prompt: String) -> ReadResult {
        let offset = offset
        return text.withUTF8 { bytes in
            guard offset < bytes.count else { return .endOfInput }
            let end = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            self.offset = end + 1
            return .line(String(decoding: bytes[offset..<end], as: UTF8.self))
        }
    }
}
