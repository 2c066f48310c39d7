import ShellRuntime

/// `set [-euxf] [-o NAME] [--] [ARG ...]`.
struct SetCommand: Builtin {
    static let name = "set"
    static let summary = "set shell options and positional parameters; with no arguments list variables"
    static let usage = """
        usage: set [-euxf] [+euxf] [-o OPTION] [+o OPTION] [--] [ARG ...]

          -e  exit when a command fails          -u  error on unset variables
          -x  print commands before running them -f  no pathname expansion
          -o pipefail     a pipeline fails when any stage fails
          -o autorefresh  refresh LivePerson tokens before they expire (lp-shell)
          -o              list the options
        With no arguments, prints every variable (tokens masked); `set -- a b` sets $1 and $2.
        """

    func run(_ context: inout CommandContext) -> ExitStatus {
        var arguments = context.arguments[...]
        if arguments.isEmpty {
            for (name, variable) in context.state.variables.all {
                context.io.stdout.write("\(name)=\(ShellQuoting.quote(variable.value))\n")
            }
            return .success
        }
        while let argument = arguments.first {
            if argument == "--" {
                arguments.removeFirst()
                context.state.positionalParameters = Array(arguments)
                return .success
            }
            guard argument.count > 1, argument.hasPrefix("-") || argument.hasPrefix("+") else { break }
            arguments.removeFirst()
            let enable = argument.hasPrefix("-")
            for flag in argument.dropFirst() {
                switch flag {
                case "e": context.state.options.errexit = enable
                case "u": context.state.options.nounset = enable
                case "x": context.state.options.xtrace = enable
                case "f": context.state.options.noglob = enable
                case "o":
                    guard let name = arguments.first else {
                        listOptions(context)
                        return .success
                    }
                    arguments.removeFirst()
                    guard setOption(name, enable, &context.state.options) else {
                        context.error("\(name): invalid option name")
                        return .usage
                    }
                default:
                    context.error(
                        "\(argument.first!)\(flag): invalid option\n" + SetCommand.usage.split(separator: "\n")[0])
                    // `set` is a special builtin: a usage error ends a non-interactive shell.
                    if !context.state.isInteractive { context.state.exitRequest = .usage }
                    return .usage
                }
            }
        }
        if !arguments.isEmpty { context.state.positionalParameters = Array(arguments) }
        return .success
    }

    private func setOption(_ name: String, _ enable: Bool, _ options: inout ShellOptions) -> Bool {
        switch name {
        case "errexit": options.errexit = enable
        case "nounset": options.nounset = enable
        case "xtrace": options.xtrace = enable
        case "noglob": options.noglob = enable
        case "pipefail": options.pipefail = enable
        case "autorefresh":
            if enable { options.extra.insert(name) } else { options.extra.remove(name) }
        default: return false
        }
        return true
    }

    private func listOptions(_ context: CommandContext) {
        let options = context.state.options
        let rows: [(String, Bool)] = [
            ("autorefresh", options.extra.contains("autorefresh")), ("errexit", options.errexit),
            ("noglob", options.noglob), ("nounset", options.nounset), ("pipefail", options.pipefail),
            ("xtrace", options.xtrace),
        ]
        for (name, on) in rows {
            context.io.stdout.write(name.padding(to: 15) + (on ? "on" : "off") + "\n")
        }
    }
}
