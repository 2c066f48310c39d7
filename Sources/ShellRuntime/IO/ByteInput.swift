#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A source of bytes for a command's standard input: a file descriptor or an in-memory buffer.
///
/// An instance is used by one command on one thread at a time.
public final class ByteInput: @unchecked Sendable {
    // @unchecked: a stream belongs to exactly one running command (one thread); it is handed over, never shared.
    private enum Source {
        case fileDescriptor(Int32)
        case memory
    }

    private let source: Source
    private var buffer: [UInt8]
    private var bufferStart = 0
    private var reachedEnd = false

    /// Reads from an open file descriptor; the stream does not close it.
    public init(fileDescriptor: Int32) {
        self.source = .fileDescriptor(fileDescriptor)
        self.buffer = []
    }

    /// Reads from the given bytes.
    public init(bytes: [UInt8]) {
        self.source = .memory
        self.buffer = bytes
        self.reachedEnd = true
    }

    /// Reads from the UTF-8 bytes of a string.
    public convenience init(string: String) {
        self.init(bytes: Array(string.utf8))
    }

    /// An input with nothing in it.
    public static var empty: ByteInput { ByteInput(bytes: []) }

    /// The descriptor behind this input, if it has one.
    public var fileDescriptor: Int32? {
        if case .fileDescriptor(let fd) = source { return fd }
        return nil
    }

    /// True when the input is a terminal.
    public var isTerminal: Bool {
        guard let fd = fileDescriptor else { return false }
        return isatty(fd) == 1
    }

    /// Reads up to `maximum` bytes; an empty array means end of input.
    public func read(upTo maximum: Int = 65_536) -> [UInt8] {
        if bufferStart < buffer.count {
            let end = min(buffer.count, bufferStart + maximum)
            let chunk = Array(buffer[bufferStart..<end])
            bufferStart = end
            compact()
            return chunk
        }
        return readFromSource(maximum)
    }

    /// Reads everything up to end of input.
    public func readAll() -> [UInt8] {
        var result = Array(buffer[bufferStart...])
        buffer = []
        bufferStart = 0
        while true {
            let chunk = readFromSource(65_536)
            if chunk.isEmpty { break }
            result.append(contentsOf: chunk)
        }
        return result
    }

    /// False when the last line `readLine` returned ended at the end of input instead of at a newline.
    public private(set) var lastLineHadNewline = true

    /// Reads one line without its terminating newline; nil at end of input.
    public func readLine() -> [UInt8]? {
        lastLineHadNewline = true
        while true {
            if let newline = buffer[bufferStart...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[bufferStart..<newline])
                bufferStart = newline + 1
                compact()
                return line
            }
            let chunk = readFromSource(65_536)
            if chunk.isEmpty {
                lastLineHadNewline = false
                guard bufferStart < buffer.count else { return nil }
                let line = Array(buffer[bufferStart...])
                buffer = []
                bufferStart = 0
                return line
            }
            buffer.append(contentsOf: chunk)
        }
    }

    private func compact() {
        if bufferStart > 65_536 && bufferStart * 2 > buffer.count {
            buffer.removeFirst(bufferStart)
            bufferStart = 0
        }
    }

    private func readFromSource(_ maximum: Int) -> [UInt8] {
        guard case .fileDescriptor(let fd) = source, !reachedEnd else { return [] }
        while true {
            // Read straight into uninitialised capacity: no zero-filling, and no second copy of what came.
            var failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: maximum) { buffer, initialized in
                let count = Glibc.read(fd, buffer.baseAddress, maximum)
                initialized = max(count, 0)
                failed = count < 0
            }
            if !chunk.isEmpty { return chunk }
            if failed && errno == EINTR { continue }
            reachedEnd = true
            return []
        }
    }
}
