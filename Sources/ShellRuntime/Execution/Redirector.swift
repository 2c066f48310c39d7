import ShellSyntax

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Applies redirections left to right to a command's streams, opening files and feeding heredocs.
struct Redirector {
    let interpreter: Interpreter
    private var opened: [Int32] = []

    init(interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    enum Outcome {
        case success(IOStreams)
        case failure(String)
        /// A target or heredoc body that did not expand (reported with the word's caret when it has one).
        case expansionFailure(ExpansionError)
    }

    mutating func apply(_ redirections: [Redirection], to io: IOStreams, state: inout ShellState) -> Outcome {
        var streams = io
        var expander = WordExpander(interpreter: interpreter, io: io)
        for redirection in redirections {
            let descriptor = redirection.effectiveDescriptor
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
                guard descriptor == 0 else { return .failure("\(descriptor): heredocs can only feed standard input") }
                streams.stdin = ByteInput(string: body)
                continue
            }
            let target: String
            do {
                target = try expander.expandString(redirection.target, state: &state)
            } catch {
                return .expansionFailure(error)
            }
            guard descriptor <= 2 else {
                return .failure("\(descriptor): only descriptors 0, 1 and 2 can be redirected")
            }
            switch redirection.operation {
            case .duplicateOutput, .duplicateInput:
                if target == "-" {
                    // Closing a standard stream: point it at /dev/null instead, which no command can tell apart.
                    guard let stream = openStream("/dev/null", flags: O_RDWR) else {
                        return .failure("/dev/null: cannot open")
                    }
                    assign(stream, to: descriptor, in: &streams)
                    continue
                }
                switch target {
                case "0":
                    if descriptor == 0 {
                        continue
                    } else {
                        return .failure("0: cannot duplicate standard input for output")
                    }
                case "1": assignOutput(streams.stdout, to: descriptor, in: &streams)
                case "2": assignOutput(streams.stderr, to: descriptor, in: &streams)
                default:
                    if redirection.operation == .duplicateOutput && descriptor == 1 && redirection.fileDescriptor == nil
                        && Int(target) == nil
                    {
                        // `>&file` is bash's `&>file`.
                        guard let output = openOutput(target, flags: O_WRONLY | O_CREAT | O_TRUNC, state: state) else {
                            return .failure(lastError)
                        }
                        streams.stdout = output
                        streams.stderr = output
                        continue
                    }
                    return .failure("\(target): bad file descriptor")
                }
            case .input, .readWrite:
                let path = state.resolvePath(target)
                let flags = redirection.operation == .input ? O_RDONLY : (O_RDWR | O_CREAT)
                switch FileDescriptors.open(path, flags: flags) {
                case .failure(let error): return .failure("\(target): \(error.reason)")
                case .success(let fd):
                    opened.append(fd)
                    if descriptor == 0 {
                        streams.stdin = ByteInput(fileDescriptor: fd)
                    } else {
                        assignOutput(ByteOutput(fileDescriptor: fd), to: descriptor, in: &streams)
                    }
                }
            case .output, .clobber, .append, .outputAndError:
                if state.options.noclobber && redirection.operation != .clobber
                    && redirection.operation != .append && Self.isRegularFile(state.resolvePath(target))
                {
                    return .failure("\(target): cannot overwrite existing file")
                }
                let flags = O_WRONLY | O_CREAT | (redirection.operation == .append ? O_APPEND : O_TRUNC)
                guard let output = openOutput(target, flags: flags, state: state) else { return .failure(lastError) }
                if redirection.operation == .outputAndError {
                    streams.stdout = output
                    streams.stderr = output
                } else if descriptor == 0 {
                    return .failure("0: cannot redirect standard input to a file for writing")
                } else {
                    assignOutput(output, to: descriptor, in: &streams)
                }
            case .heredoc, .heredocStrippingTabs:
                continue
            }
        }
        return .success(streams)
    }

    private var lastError = ""

    /// `set -C` leaves devices, pipes and missing files alone: only an existing regular file is protected.
    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    private mutating func openOutput(_ target: String, flags: Int32, state: ShellState) -> ByteOutput? {
        switch FileDescriptors.open(state.resolvePath(target), flags: flags) {
        case .failure(let error):
            lastError = "\(target): \(error.reason)"
            return nil
        case .success(let fd):
            opened.append(fd)
            return ByteOutput(fileDescriptor: fd)
        }
    }

    private mutating func openStream(_ path: String, flags: Int32) -> Int32? {
        guard case .success(let fd) = FileDescriptors.open(path, flags: flags) else { return nil }
        opened.append(fd)
        return fd
    }

    private func assign(_ fd: Int32, to descriptor: Int, in streams: inout IOStreams) {
        if descriptor == 0 {
            streams.stdin = ByteInput(fileDescriptor: fd)
        } else {
            assignOutput(ByteOutput(fileDescriptor: fd), to: descriptor, in: &streams)
        }
    }

    private func assignOutput(_ output: ByteOutput, to descriptor: Int, in streams: inout IOStreams) {
        if descriptor == 1 { streams.stdout = output } else if descriptor == 2 { streams.stderr = output }
    }

    /// Closes every file the redirections opened (after the command finished and its streams were flushed).
    mutating func closeAll() {
        for fd in opened { FileDescriptors.close(fd) }
        opened.removeAll()
    }
}
