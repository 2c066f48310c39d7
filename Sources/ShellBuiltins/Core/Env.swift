import OptionParsing
import ShellRuntime

/// `env [NAME=VALUE ...] [COMMAND [ARG ...]]`: prints the environment, or runs a command with additions.
struct Env: Builtin {
    static let name = "env"
    static let summary = "print the environment, or run a command with extra variables"
    static let synopsis = "usage: env [-i] [NAME=VALUE ...] [COMMAND [ARG ...]]"
    static let options = OptionTable.shellBuiltin(
        name, synopsis: synopsis, options: [OptionDefinition(["-i"], help: "start from an empty environment")])
    static let usage = options.builtinHelp(
        synopsis: synopsis,
        details: "Without COMMAND, prints exported variables as NAME=VALUE lines (values in clear, like env).")

    func run(_ context: inout CommandContext) -> ExitStatus {
        var environment = context.environment
        var arguments: ArraySlice<String> = []
        do {
            for argument in try Self.options.parse(context.arguments) {
                switch argument {
                case .option: environment = [:]  // -i
                case .operand(let word): arguments.append(word)
                }
            }
        } catch {
            context.io.stderr.writeDiagnostic(Self.options.message(for: error))
            return .usage
        }
        if arguments.first == "-" {
            environment = [:]
            arguments.removeFirst()
        }
        while let first = arguments.first, first.contains("="), !first.hasPrefix("=") {
            let (name, value) = Assignments.split(first)
            environment[name] = value ?? ""
            arguments.removeFirst()
        }
        if let option = arguments.first, option.hasPrefix("-") {
            context.io.stderr.writeDiagnostic(Self.options.message(for: UsageError(.unknownOption, spelling: option)))
            return .usage
        }
        guard let command = arguments.first else {
            for name in environment.keys.sorted() {
                context.io.stdout.write("\(name)=\(environment[name]!)\n")
            }
            return .success
        }
        // The command sees exactly the computed environment, as a program started by env(1) would.
        var state = context.state
        state.variables = VariableStore(environment: environment)
        let script = ([command] + arguments.dropFirst()).map(ShellQuoting.quote).joined(separator: " ")
        return context.shell.run(source: script, name: "env", state: &state, io: context.io)
    }
}
