#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one file descriptor number of the shell refers to: a stream to read, to write, or both (`<>`).
///
/// The streams are shared objects: `exec 8<>file` then `read <&8` twice reads on from where the first stopped, and
/// `3>&1` writes into the very output fd 1 had (a capture, a pipe).
public struct DescriptorStream: Sendable {
    /// What reading the descriptor reads (nil: not open for reading).
    public var input: ByteInput?
    /// What writing the descriptor writes (nil: not open for writing).
    public var output: ByteOutput?

    /// A stream for reading.
    public init(input: ByteInput) {
        self.input = input
    }

    /// A stream for writing.
    public init(output: ByteOutput) {
        self.output = output
    }

    /// An open descriptor of the process, for reading and writing as its flags allow.
    public init(fileDescriptor fd: Int32) {
        let mode = fcntl(fd, F_GETFL) & O_ACCMODE
        if mode == O_RDONLY || mode == O_RDWR { input = ByteInput(fileDescriptor: fd) }
        if mode == O_WRONLY || mode == O_RDWR { output = ByteOutput(fileDescriptor: fd) }
    }

    /// The process descriptor behind the stream, if it has one.
    public var fileDescriptor: Int32? { output?.fileDescriptor ?? input?.fileDescriptor }
}

/// The shell's descriptors as redirections and `exec` left them (POSIX 2.7): for the running command, each number
/// that a redirection around it or an earlier `exec` changed. Numbers not in the table are the process's own.
///
/// A redirection changes the table for the command it is on and puts the old entries back afterwards; `exec` with
/// only redirections changes it for good. Standard input, output and error also travel as `IOStreams` (what every
/// builtin writes to): `overlay` brings those up to date with what `exec` changed.
public struct DescriptorTable: Sendable {
    /// The entries, by descriptor number; `closed` for a number closed with `N>&-`.
    private var entries: [Int32: Entry] = [:]

    enum Entry {
        case open(DescriptorStream)
        case closed
    }

    public init() {}

    /// True when no redirection or `exec` changed any descriptor.
    public var isEmpty: Bool { entries.isEmpty }

    /// The stream of descriptor `fd`: the table's, or one the shell inherited open there; nil when closed.
    public func stream(_ fd: Int32) -> DescriptorStream? {
        switch entries[fd] {
        case .open(let stream): return stream
        case .closed: return nil
        case nil:
            // Only what the shell inherited: its own descriptors (the event loop's, a pipe's) are close-on-exec.
            let flags = fcntl(fd, F_GETFD)
            guard fd > 2, flags >= 0, flags & FD_CLOEXEC == 0 else { return nil }
            return DescriptorStream(fileDescriptor: fd)
        }
    }

    /// The descriptors above 2 a program started now must get (number and stream).
    public var extraStreams: [(fd: Int32, stream: DescriptorStream)] {
        entries.compactMap { fd, entry in
            guard fd > 2, case .open(let stream) = entry else { return nil }
            return (fd, stream)
        }.sorted { $0.fd < $1.fd }
    }

    /// The descriptors above 2 closed with `N>&-` (a program started now must not inherit the process's own).
    public var closedExtras: [Int32] {
        entries.compactMap { fd, entry in
            guard fd > 2, case .closed = entry else { return nil }
            return fd
        }
    }

    /// What `fd` is now (to put back later with `restore`).
    func saved(_ fd: Int32) -> Entry? { entries[fd] }

    /// Puts back what `saved` returned.
    mutating func restore(_ fd: Int32, to entry: Entry?) { entries[fd] = entry }

    /// Points `fd` at a stream.
    public mutating func set(_ fd: Int32, to stream: DescriptorStream) { entries[fd] = .open(stream) }

    /// Closes `fd` for the commands that follow.
    public mutating func close(_ fd: Int32) { entries[fd] = .closed }

    /// Forgets what the table says about `fd` (a pipe or a capture now decides what it is).
    public mutating func forget(_ fd: Int32) { entries[fd] = nil }

    /// `io` with standard input, output and error replaced by what the table holds for 0, 1 and 2.
    public func overlay(_ io: IOStreams) -> IOStreams {
        guard !entries.isEmpty else { return io }
        var result = io
        if case .open(let stream)? = entries[0], let input = stream.input { result.stdin = input }
        if case .open(let stream)? = entries[1], let output = stream.output { result.stdout = output }
        if case .open(let stream)? = entries[2], let output = stream.output { result.stderr = output }
        return result
    }
}
