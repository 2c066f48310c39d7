import OptionParsing
import ShellRuntime

/// `unset [-v] [-f] NAME ...`.
struct Unset: Builtin {
    static let name = "unset"
    static let summary = "remove variables"
    static let synopsis = "usage: unset [-v] NAME ..."
    static let options = OptionTable.shellBuiltin(
        name, synopsis: synopsis,
        options: [
            OptionDefinition(["-v"], help: "NAMEs are variables (the default)"),
            OptionDefinition(["-f"], help: "accepted; the shell has no functions"),
        ])
    static let usage = options.builtinHelp(synopsis: synopsis)

    func run(_ context: inout CommandContext) -> ExitStatus {
        guard let names = context.operands(Self.options) else { return .usage }
        var status = ExitStatus.success
        for name in names {
            do {
                try context.state.variables.unset(name)
            } catch {
                context.error("\(name): cannot unset: readonly variable")
                status = .failure
            }
        }
        return status
    }
}
