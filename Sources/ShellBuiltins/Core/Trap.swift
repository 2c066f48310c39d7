import ShellRuntime

/// `trap [-lp] [[ACTION] CONDITION ...]`: actions for the shell's exit and for signals.
///
/// `EXIT` (or `0`) runs when the shell or subshell ends. Signal actions are recorded and listed as in bash and
/// dash, but lp-shell does not run them when a signal arrives (it keeps its own Ctrl-C handling).
struct Trap: Builtin {
    static let name = "trap"
    static let summary = "run a command when the shell exits (trap 'CMD' EXIT); list or reset traps"
    static let usage = """
        usage: trap [-lp] [[ACTION] CONDITION ...]

          trap 'CMD' EXIT     run CMD when the shell (or subshell) ends; $? is its status
          trap - EXIT         reset to the default; trap N CONDITION ... does the same
          trap '' CONDITION   ignore
          trap, trap -p       list the traps set, as commands that set them again
          trap -l             list the signal names
        CONDITION is EXIT (0) or a signal name or number (INT, SIGTERM, 15). Signal actions are recorded and
        listed, not run: lp-shell keeps its own Ctrl-C handling.
        """

    /// The conditions `trap` knows, in number order (Linux's signal numbers).
    static let conditions: [(name: String, number: Int)] = [
        ("EXIT", 0), ("HUP", 1), ("INT", 2), ("QUIT", 3), ("ILL", 4), ("TRAP", 5), ("ABRT", 6), ("BUS", 7),
        ("FPE", 8), ("KILL", 9), ("USR1", 10), ("SEGV", 11), ("USR2", 12), ("PIPE", 13), ("ALRM", 14),
        ("TERM", 15), ("STKFLT", 16), ("CHLD", 17), ("CONT", 18), ("STOP", 19), ("TSTP", 20), ("TTIN", 21),
        ("TTOU", 22), ("URG", 23), ("XCPU", 24), ("XFSZ", 25), ("VTALRM", 26), ("PROF", 27), ("WINCH", 28),
        ("IO", 29), ("PWR", 30), ("SYS", 31),
    ]

    func run(_ context: inout CommandContext) -> ExitStatus {
        var arguments = context.arguments[...]
        switch arguments.first {
        case "-l":
            let names = Self.conditions.dropFirst().map { "\($0.number)) SIG\($0.name)" }
            context.io.stdout.write(names.joined(separator: "\n") + "\n")
            return .success
        case "-p":
            arguments.removeFirst()
            return list(arguments, context: &context)
        case "--":
            arguments.removeFirst()
        case let option? where option.count > 1 && option.hasPrefix("-") && option != "-":
            context.error("\(option): invalid option; usage: trap [-lp] [[ACTION] CONDITION ...]")
            return .usage
        default:
            break
        }
        guard let first = arguments.first else { return list([], context: &context) }
        // `trap N ...` (an unsigned number first) and `trap - ...` reset; `trap CONDITION` alone resets it too.
        let resets = first == "-" || (UInt(first) != nil && Self.condition(first) != nil) || arguments.count == 1
        let action: String? = resets ? nil : first
        if first == "-" || !resets { arguments.removeFirst() }
        let (names, status) = Self.conditions(arguments, context: context)
        for name in names { context.state.traps[name] = action }
        return status
    }

    /// `trap` and `trap -p [CONDITION ...]`: `trap -- 'ACTION' NAME` lines, in signal-number order (names without
    /// `SIG`, as dash and bash --posix print them).
    private func list(_ operands: ArraySlice<String>, context: inout CommandContext) -> ExitStatus {
        var (names, status) = Self.conditions(operands, context: context)
        if operands.isEmpty { names = Self.conditions.map(\.name) }
        for name in names {
            guard let action = context.state.traps[name] else { continue }
            let quoted = ShellQuoting.singleQuote(action)
            context.io.stdout.write("trap -- \(quoted) \(name)\n")
        }
        return status
    }

    /// The canonical names of `operands`; each one that names no condition is reported and makes the status 1.
    private static func conditions(_ operands: ArraySlice<String>, context: CommandContext) -> ([String], ExitStatus) {
        var names: [String] = []
        var status = ExitStatus.success
        for operand in operands {
            guard let name = condition(operand) else {
                context.error("\(operand): invalid signal specification")
                status = .failure
                continue
            }
            names.append(name)
        }
        return (names, status)
    }

    /// The condition's canonical name (`EXIT`, `INT`, …) for a name, `SIG` name or number, in any case.
    static func condition(_ text: String) -> String? {
        if let number = Int(text) { return conditions.first { $0.number == number }?.name }
        var name = text.uppercased()
        if name.hasPrefix("SIG") { name.removeFirst(3) }
        return conditions.first { $0.name == name }?.name
    }
}
