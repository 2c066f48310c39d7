import ShellSyntax

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Applies redirections left to right (POSIX 2.7): each changes one descriptor of the shell's `DescriptorTable` (and
/// of the command's `IOStreams` for 0, 1 and 2), opening files and feeding heredocs; `restore` puts the table back.
struct Redirector {
    let interpreter: Interpreter
    private var opened: [Int32] = []
    /// What the table held for each descriptor before the first redirection here changed it.
    private var saved: [(fd: Int32, entry: DescriptorTable.Entry?)] = []

    init(interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    enum Outcome {
        case success(IOStreams)
        case failure(String)
        /// A target or heredoc body that did not expand (reported with the word's caret when it has one).
        case expansionFailure(ExpansionError)
    }

    /// The largest descriptor a redirection may name (bash refuses what its open-file limit refuses).
    static let maximumDescriptor = 1023

    mutating func apply(_ redirections: [Redirection], to io: IOStreams, state: inout ShellState) -> Outcome {
        var streams = state.descriptors.overlay(io)
        var expander = WordExpander(interpreter: interpreter, io: io)
        for redirection in redirections {
            let descriptor = Int32(clamping: redirection.effectiveDescriptor)
            guard descriptor <= Self.maximumDescriptor else { return .failure("\(descriptor): bad file descriptor") }
            if let heredoc = redirection.heredoc {
                let body: String
                do {
                    body =
                        heredoc.isQuoted
                        ? heredoc.body.map { part -> String in
                            if case .literal(let text) = part { return text }
                            return ""
                        }.joined()
                        : try expander.expandString(parts: heredoc.body, state: &state)
                } catch {
                    return .expansionFailure(error)
                }
                if let message = set(descriptor, to: DescriptorStream(input: ByteInput(string: body)), &streams, &state)
                {
                    return .failure(message)
                }
                continue
            }
            let target: String
            do {
                target = try expander.expandString(redirection.target, state: &state)
            } catch {
                return .expansionFailure(error)
            }
            let stream: DescriptorStream
            switch redirection.operation {
            case .duplicateOutput, .duplicateInput:
                if target == "-" {
                    if descriptor > 2 {
                        remember(descriptor, state)
                        state.descriptors.close(descriptor)
                        continue
                    }
                    // Closing a standard stream: point it at /dev/null instead, which no command can tell apart.
                    guard let fd = open("/dev/null", flags: O_RDWR) else { return .failure("/dev/null: cannot open") }
                    stream = DescriptorStream(fileDescriptor: fd)
                } else if let source = Int32(target), source >= 0 {
                    guard let found = current(source, streams, state) else {
                        return .failure("\(target): bad file descriptor")
                    }
                    stream = found
                } else if target.hasSuffix("-"), let source = Int32(target.dropLast()), source > 2,
                    source != descriptor
                {
                    // bash's `N>&M-`: N becomes what M was, and M is closed (a move).
                    guard let found = current(source, streams, state) else {
                        return .failure("\(source): bad file descriptor")
                    }
                    if let message = set(descriptor, to: found, &streams, &state) { return .failure(message) }
                    remember(source, state)
                    state.descriptors.close(source)
                    continue
                } else if redirection.operation == .duplicateOutput && descriptor == 1
                    && redirection.fileDescriptor == nil
                {
                    // `>&file` is bash's `&>file`.
                    guard let fd = openFile(target, flags: O_WRONLY | O_CREAT | O_TRUNC, state: state) else {
                        return .failure(lastError)
                    }
                    let output = DescriptorStream(output: ByteOutput(fileDescriptor: fd))
                    _ = set(1, to: output, &streams, &state)
                    _ = set(2, to: output, &streams, &state)
                    continue
                } else {
                    return .failure("\(target): bad file descriptor")
                }
            case .input, .readWrite:
                let flags = redirection.operation == .input ? O_RDONLY : (O_RDWR | O_CREAT)
                guard let fd = openFile(target, flags: flags, state: state) else { return .failure(lastError) }
                stream = DescriptorStream(fileDescriptor: fd)
            case .output, .clobber, .append, .outputAndError, .appendOutputAndError:
                let appends = redirection.operation == .append || redirection.operation == .appendOutputAndError
                if state.options.noclobber && redirection.operation != .clobber && !appends
                    && Self.isRegularFile(state.resolvePath(target))
                {
                    return .failure("\(target): cannot overwrite existing file")
                }
                let flags = O_WRONLY | O_CREAT | (appends ? O_APPEND : O_TRUNC)
                guard let fd = openFile(target, flags: flags, state: state) else { return .failure(lastError) }
                stream = DescriptorStream(output: ByteOutput(fileDescriptor: fd))
                if redirection.operation == .outputAndError || redirection.operation == .appendOutputAndError {
                    _ = set(1, to: stream, &streams, &state)
                    _ = set(2, to: stream, &streams, &state)
                    continue
                }
            case .heredoc, .heredocStrippingTabs:
                continue
            }
            if let message = set(descriptor, to: stream, &streams, &state) { return .failure(message) }
        }
        return .success(streams)
    }

    /// What descriptor `fd` refers to now: standard streams from `streams`, the others from the table.
    private func current(_ fd: Int32, _ streams: IOStreams, _ state: ShellState) -> DescriptorStream? {
        switch fd {
        case 0: DescriptorStream(input: streams.stdin)
        case 1: DescriptorStream(output: streams.stdout)
        case 2: DescriptorStream(output: streams.stderr)
        default: state.descriptors.stream(fd)
        }
    }

    /// Points `fd` at `stream` in the table (remembering the old entry) and, for 0, 1 and 2, in `streams`; a stream
    /// open the wrong way for a standard one is read or written through its descriptor (as the process would).
    private mutating func set(
        _ fd: Int32, to stream: DescriptorStream, _ streams: inout IOStreams, _ state: inout ShellState
    ) -> String? {
        switch fd {
        case 0:
            guard let input = stream.input ?? stream.fileDescriptor.map({ ByteInput(fileDescriptor: $0) }) else {
                return "0: bad file descriptor"
            }
            streams.stdin = input
        case 1, 2:
            guard let output = stream.output ?? stream.fileDescriptor.map({ ByteOutput(fileDescriptor: $0) }) else {
                return "\(fd): bad file descriptor"
            }
            if fd == 1 { streams.stdout = output } else { streams.stderr = output }
        default: break
        }
        remember(fd, state)
        state.descriptors.set(fd, to: stream)
        return nil
    }

    private mutating func remember(_ fd: Int32, _ state: ShellState) {
        if !saved.contains(where: { $0.fd == fd }) { saved.append((fd, state.descriptors.saved(fd))) }
    }

    private var lastError = ""

    /// `set -C` leaves devices, pipes and missing files alone: only an existing regular file is protected.
    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    private mutating func openFile(_ target: String, flags: Int32, state: ShellState) -> Int32? {
        switch FileDescriptors.open(state.resolvePath(target), flags: flags) {
        case .failure(let error):
            lastError = "\(target): \(error.reason)"
            return nil
        case .success(let fd):
            opened.append(fd)
            return fd
        }
    }

    private mutating func open(_ path: String, flags: Int32) -> Int32? {
        guard case .success(let fd) = FileDescriptors.open(path, flags: flags) else { return nil }
        opened.append(fd)
        return fd
    }

    /// Puts back the table entries the redirections changed and closes the files they opened (after the command
    /// finished and its streams were flushed).
    mutating func restore(_ state: inout ShellState) {
        for (fd, entry) in saved.reversed() { state.descriptors.restore(fd, to: entry) }
        saved.removeAll()
        for fd in opened { FileDescriptors.close(fd) }
        opened.removeAll()
    }

    /// Keeps what the redirections changed (`exec 3>file`): the files stay open for the commands that follow.
    mutating func keep() {
        saved.removeAll()
        opened.removeAll()
    }
}
