import OptionParsing
import ShellRuntime

/// `history [N]`, `history -c`.
struct History: Builtin {
    static let name = "history"
    static let summary = "show the command history (tokens masked); -c clears it"
    static let synopsis = "usage: history [-c] [N]"
    static let options = OptionTable.shellBuiltin(
        name, synopsis: synopsis, options: [OptionDefinition(["-c"], help: "clear the history")])
    static let usage = options.builtinHelp(
        synopsis: synopsis, details: "Shows the last N commands (all by default), numbered.")

    func run(_ context: inout CommandContext) -> ExitStatus {
        let parsed: [ParsedArgument]
        do {
            parsed = try Self.options.parse(context.arguments)
        } catch {
            context.io.stderr.writeDiagnostic(Self.options.message(for: error))
            return .usage
        }
        if case .option = parsed.first {  // -c
            context.shell.clearHistory()
            return .success
        }
        let entries = context.shell.history
        var count = entries.count
        if case .operand(let argument) = parsed.first {
            guard let value = Int(argument), value >= 0 else {
                context.error("\(argument): numeric argument required")
                return .usage
            }
            count = min(value, entries.count)
        }
        let start = entries.count - count
        for (offset, entry) in entries[start...].enumerated() {
            let number = String(start + offset + 1)
            context.io.stdout.write(
                String(repeating: " ", count: max(0, 5 - number.count)) + number + "  " + entry + "\n")
        }
        return .success
    }
}
