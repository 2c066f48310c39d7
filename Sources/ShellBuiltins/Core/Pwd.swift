import OptionParsing
import ShellRuntime

/// `pwd`: the working directory.
struct Pwd: Builtin {
    static let name = "pwd"
    static let summary = "print the working directory"
    static let synopsis = "usage: pwd [-LP]"
    static let options = OptionTable.shellBuiltin(
        name, synopsis: synopsis,
        options: [
            OptionDefinition(["-L"], help: "the logical directory, symbolic links kept (the default)"),
            OptionDefinition(["-P"], help: "accepted; the same directory"),
        ])
    static let usage = options.builtinHelp(synopsis: synopsis)

    func run(_ context: inout CommandContext) -> ExitStatus {
        guard let operands = context.operands(Self.options) else { return .usage }
        if let extra = operands.first {
            context.io.stderr.writeDiagnostic(
                Self.options.message(for: .invalid("\(extra): invalid option\n\(Self.synopsis)")))
            return .usage
        }
        context.io.stdout.write(context.state.workingDirectory + "\n")
        return .success
    }
}
