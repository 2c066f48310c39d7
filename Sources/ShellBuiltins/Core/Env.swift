import ShellRuntime

/// `env [NAME=VALUE ...] [COMMAND [ARG ...]]`: prints the environment, or runs a command with additions.
struct Env: Builtin {
    static let name = "env"
    static let summary = "print the environment, or run a command with extra variables"
    static let usage = """
        usage: env [-i] [NAME=VALUE ...] [COMMAND [ARG ...]]

        Without COMMAND, prints exported variables as NAME=VALUE lines (values in clear, like env).
          -i  start from an empty environment
        """

    func run(_ context: inout CommandContext) -> ExitStatus {
        var arguments = context.arguments[...]
        var environment = context.environment
        if arguments.first == "-i" || arguments.first == "-" {
            environment = [:]
            arguments.removeFirst()
        }
        while let first = arguments.first, first.contains("="), !first.hasPrefix("=") {
            let (name, value) = Assignments.split(first)
            environment[name] = value ?? ""
            arguments.removeFirst()
        }
        if let option = arguments.first, option.hasPrefix("-") {
            context.error("\(option): invalid option\nusage: env [-i] [NAME=VALUE ...] [COMMAND [ARG ...]]")
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
