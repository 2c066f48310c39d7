import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A sink for a command's standard output or error: a file descriptor or an in-memory capture.
///
/// Writes are buffered and flushed when the buffer fills, on `flush()`, and when the command ends.
/// A write to a closed pipe marks the output broken and drops further bytes, as a shell's
/// SIGPIPE would end the writer.
public final class ByteOutput: @unchecked Sendable {
    // @unchecked: the mutable buffers are only touched while holding `lock` (several pipeline stages may share
    // one stderr); `target` and `terminalOverride` are immutable.
    private enum Target {
        case fileDescriptor(Int32)
        case memory
    }

    private let target: Target
    private var pending: [UInt8] = []
    private var captured: [UInt8] = []
    private let terminalOverride: Bool?
    private let lock = Mutex(())
    private var broken = false
    private var writeError: Int32?

    /// True once a write failed because the reader went away (EPIPE).
    public var isBroken: Bool { lock.withLock { _ in broken } }

    /// The error of a failed write other than a closed pipe (`ENOSPC` for `> /dev/full`), once: the output
    /// accepts writes again afterwards, so the next command tries anew as in bash.
    public func takeWriteError() -> Int32? {
        lock.withLock { _ in
            guard let error = writeError else { return nil }
            writeError = nil
            broken = false
            return error
        }
    }

    /// Writes to an open file descriptor; the output does not close it.
    public init(fileDescriptor: Int32) {
        self.target = .fileDescriptor(fileDescriptor)
        self.terminalOverride = nil
        pending.reserveCapacity(8192)
    }

    /// Captures everything written in memory (tests and `$(…)` of builtins).
    /// - Parameter isTerminal: what `isTerminal` reports, to test terminal-only behaviour.
    public init(capturingAsTerminal isTerminal: Bool = false) {
        self.target = .memory
        self.terminalOverride = isTerminal
    }

    /// A capturing output.
    public static func capturing() -> ByteOutput { ByteOutput(capturingAsTerminal: false) }

    /// The descriptor behind this output, if it has one.
    public var fileDescriptor: Int32? {
        if case .fileDescriptor(let fd) = target { return fd }
        return nil
    }

    /// True when the output is a terminal (colour and progress decisions depend on it).
    public var isTerminal: Bool {
        if let terminalOverride { return terminalOverride }
        guard let fd = fileDescriptor else { return false }
        return isatty(fd) == 1
    }

    /// Everything written so far, for a capturing output.
    public var capturedBytes: [UInt8] {
        lock.withLock { _ in captured }
    }

    /// Everything written so far decoded as UTF-8 (bytes outside it kept, see `String(shellBytes:)`), for a
    /// capturing output.
    public var capturedString: String { String(shellBytes: capturedBytes) }

    /// Appends bytes.
    public func write(_ bytes: some Sequence<UInt8>) {
        append { $0.append(contentsOf: bytes) }
    }

    /// Appends bytes (concrete overloads: the generic one makes a cold process look up the sequence's types at
    /// run time, a scan of the runtime's conformance tables).
    public func write(_ bytes: [UInt8]) {
        append { $0.append(contentsOf: bytes) }
    }

    /// Appends bytes.
    public func write(_ bytes: ArraySlice<UInt8>) {
        append { $0.append(contentsOf: bytes) }
    }

    private func append(_ add: (inout [UInt8]) -> Void) {
        lock.withLock { _ in
            guard !broken else { return }
            switch target {
            case .memory:
                add(&captured)
            case .fileDescriptor(let fd):
                add(&pending)
                if pending.count >= 65_536 { drain(fd) }
            }
        }
    }

    /// Appends the bytes of a string: its UTF-8, with the stand-ins for bytes outside UTF-8 written as those bytes.
    public func write(_ string: String) {
        write(string.shellBytes)
    }

    /// Sends buffered bytes to the descriptor.
    public func flush() {
        guard case .fileDescriptor(let fd) = target else { return }
        lock.withLock { _ in drain(fd) }
    }

    private func drain(_ fd: Int32) {
        guard !pending.isEmpty else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        guard !broken else { return }
        var offset = 0
        while offset < pending.count {
            let written = pending.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0 && (errno == EINTR || errno == EAGAIN) {
                continue
            } else {
                if written < 0 && errno != EPIPE { writeError = errno }
                broken = true
                return
            }
        }
    }
}
