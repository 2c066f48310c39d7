#if canImport(Glibc)
    import Glibc
#endif

/// Reads lines from a descriptor with no prompt and no editing (pipes, files, `-c`, tests).
public final class PlainLineReader: LineReader, @unchecked Sendable {
    // @unchecked: used by the shell's one reading thread; builtins that read script lines run on that thread.
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    /// Reads from `fileDescriptor` (standard input by default).
    public init(fileDescriptor: Int32 = 0) {
        self.fd = fileDescriptor
    }

    public func readLine(prompt: String) -> ReadResult {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[start..<newline], as: UTF8.self)
                start = newline + 1
                if start > 65_536 {
                    buffer.removeFirst(start)
                    start = 0
                }
                return .line(line)
            }
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
    private let bytes: [UInt8]
    private var offset = 0

    /// Reads the lines of `text` (a trailing newline does not add an empty line).
    public init(_ text: String) {
        self.bytes = Array(text.utf8)
    }

    public func readLine(prompt: String) -> ReadResult {
        guard offset < bytes.count else { return .endOfInput }
        let end = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        defer { offset = end + 1 }
        return .line(String(decoding: bytes[offset..<end], as: UTF8.self))
    }
}
