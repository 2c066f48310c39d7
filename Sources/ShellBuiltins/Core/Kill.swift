import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// `kill [-s SIGNAL | -SIGNAL] (%JOB | PID)...`: closes a background socket (`kill %1`), or signals a process.
struct Kill: Builtin {
    static let name = "kill"
    static let summary = "close a background socket (kill %1) or signal a process"
    static let usage = """
        usage: kill [-s SIGNAL | -SIGNAL] (%N | %consumer | %agent | PID)...
               kill -l

        A background socket (`wscat … &`) is closed normally (1000), whatever the signal. A PID gets SIGNAL
        (default TERM; names HUP INT QUIT KILL USR1 USR2 TERM CONT STOP, with or without SIG, or numbers).
        Other commands started with & run inside lp-shell and cannot be signalled. Status 1 when one target
        could not be reached.
        """

    static let signals: [(name: String, number: Int32)] = [
        ("HUP", SIGHUP), ("INT", SIGINT), ("QUIT", SIGQUIT), ("KILL", SIGKILL), ("USR1", SIGUSR1),
        ("USR2", SIGUSR2), ("TERM", SIGTERM), ("CONT", SIGCONT), ("STOP", SIGSTOP),
    ]

    func run(_ context: inout CommandContext) -> ExitStatus {
        var operands = Array(context.arguments)
        var signal = SIGTERM
        if operands.first == "-l" {
            context.io.stdout.write(Self.signals.map(\.name).joined(separator: " ") + "\n")
            return .success
        }
        if operands.first == "-s" {
            guard operands.count >= 2, let number = Self.signal(named: operands[1]) else {
                context.error("-s needs a signal name (\(Self.signals.map(\.name).joined(separator: " ")))")
                return .usage
            }
            signal = number
            operands.removeFirst(2)
        } else if let first = operands.first, first.hasPrefix("-"), first != "--" {
            guard let number = Self.signal(named: String(first.dropFirst())) else {
                context.error("'\(first)': unknown signal (kill -l lists them)")
                return .usage
            }
            signal = number
            operands.removeFirst()
        }
        if operands.first == "--" { operands.removeFirst() }
        guard !operands.isEmpty else {
            context.error("nothing to kill: give %N (see `jobs`) or a process id")
            return .usage
        }
        var status = ExitStatus.success
        for operand in operands {
            if operand.hasPrefix("%") {
                switch JobSpec.resolve(operand, in: context.state.backgroundJobs, patience: 0) {
                case .success(let entry):
                    guard let control = entry.control else {
                        context.error(
                            "\(operand): `\(entry.command)` runs inside lp-shell and cannot be signalled; wait for it "
                                + "(`wait \(entry.id)`)")
                        status = .failure
                        continue
                    }
                    control.terminate()
                case .failure(let failure):
                    context.error(failure.message)
                    status = .failure
                }
                continue
            }
            guard let pid = Int32(operand), pid != 0 else {
                context.error("'\(operand)': not a process id or job (%N)")
                status = .usage
                continue
            }
            if Int(pid) >= 4_194_305 {
                context.error("\(operand): a command started with & runs inside lp-shell and cannot be signalled")
                status = .failure
                continue
            }
            if Glibc.kill(pid, signal) != 0 {
                context.error("(\(operand)) - \(String(cString: strerror(errno)))")
                status = .failure
            }
        }
        return status
    }

    static func signal(named text: String) -> Int32? {
        if let number = Int32(text), number >= 0, number < 65 { return number }
        let name = text.uppercased().hasPrefix("SIG") ? String(text.uppercased().dropFirst(3)) : text.uppercased()
        return signals.first { $0.name == name }?.number
    }
}
