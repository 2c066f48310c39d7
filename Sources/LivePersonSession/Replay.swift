import OptionParsing
import ShellBuiltins
import ShellRuntime
import ShellSyntax

/// `replay FILE [--step]`: runs a recorded transcript (or any script), showing each command first.
struct Replay: Builtin {
    static let name = "replay"
    static let summary = "run a recorded transcript command by command (--step waits for Enter)"
    static let synopsis = "usage: replay FILE [--step] [--keep-going]"
    static let options = OptionTable.shellBuiltin(
        name, synopsis: synopsis,
        options: [
            OptionDefinition(["--step"], help: "wait for Enter before each command (s skips it, q stops)"),
            OptionDefinition(["--keep-going"], help: "go on after a failing command"),
        ],
        syntax: OptionSyntax(), unknown: "unexpected argument")
    static let usage = options.builtinHelp(
        synopsis: synopsis,
        details: """
            Shows each command of FILE, then runs it in this shell. With --step, waits for Enter before each
            command (type s to skip it, q to stop). Stops at the first failing command unless --keep-going.
            """)

    func run(_ context: inout CommandContext) -> ExitStatus {
        guard let (options, operands) = context.parsedArguments(Self.options) else { return .usage }
        let step = options.contains { $0.name == "--step" }
        let keepGoing = options.contains { $0.name == "--keep-going" }
        if operands.count > 1 {
            context.error("\(operands[1]): unexpected argument\n\(Self.synopsis)")
            return .usage
        }
        guard let file = operands.first else {
            context.error(Self.synopsis)
            return .usage
        }
        guard let text = FileReading.readText(context.resolvePath(file)) else {
            context.error("\(file): No such file or directory")
            return .failure
        }
        let style = TerminalStyle(isTerminal: context.io.stderr.isTerminal, environment: context.environment)
        var status = ExitStatus.success
        for command in Replay.commands(in: text) {
            context.io.stderr.write(style.paint("▶ \(command)", .boldCyan) + "\n")
            if step {
                context.io.stderr.write(style.paint("[Enter] run  [s] skip  [q] quit", .dim) + " ")
                context.io.stderr.flush()
                let answer = context.io.stdin.readLine().map { String(decoding: $0, as: UTF8.self) }
                if answer == nil || answer == "q" { break }
                if answer == "s" { continue }
            }
            context.io.flush()
            status = context.shell.run(source: command, name: file, state: &context.state, io: context.io)
            if context.state.exitRequest != nil || context.isInterrupted { break }
            if !status.isSuccess && !keepGoing {
                context.error("stopped: the command above failed with status \(status.rawValue)")
                break
            }
        }
        return status
    }

    /// Splits a transcript into complete commands as the REPL collects them (`ContinuationState`: multi-line
    /// commands kept together, comments and blank lines skipped, a pasted prompt dropped); a command that cannot
    /// parse is kept whole so the shell reports it.
    static func commands(in text: String) -> [String] {
        var commands: [String] = []
        var continuation = ContinuationState()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            switch continuation.feed(String(line)) {
            case .complete(_, let source, _), .syntaxError(_, let source, _): commands.append(source)
            case .needsMoreInput, .empty: break
            }
        }
        if case .syntaxError(_, let source, _)? = continuation.finish() { commands.append(source) }
        return commands
    }
}
