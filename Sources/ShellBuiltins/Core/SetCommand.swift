import OptionParsing
import ShellRuntime

/// `set [-euxf] [-o NAME] [--] [ARG ...]`.
struct SetCommand: Builtin {
    static let name = "set"
    static let summary = "set shell options and positional parameters; with no arguments list variables"
    static let synopsis = "usage: set [-euxf] [+euxf] [-o OPTION] [+o OPTION] [--] [ARG ...]"
    static let options = OptionTable.shellBuiltin(
        name, synopsis: synopsis,
        options: [
            OptionDefinition(["-e"], help: "exit when a command fails (-o errexit)"),
            OptionDefinition(["-u"], help: "error on unset variables (-o nounset)"),
            OptionDefinition(["-x"], help: "print commands before running them (-o xtrace)"),
            OptionDefinition(["-f"], help: "no pathname expansion (-o noglob)"),
            OptionDefinition(
                ["-o"], .required, placeholder: "OPTION",
                help: """
                    errexit, nounset, xtrace, noglob, or
                    pipefail: a pipeline fails when any stage fails
                    autorefresh: refresh LivePerson tokens before they expire (lp-shell)
                    (without OPTION: list the options)
                    """),
        ],
        syntax: syntax)
    static let usage = options.builtinHelp(
        synopsis: synopsis,
        details: "With no arguments, prints every variable (tokens masked); + turns an option off; "
            + "`set -- a b` sets $1 and $2.")

    /// POSIX order, and `+e` turns `-e` off.
    private static let syntax: OptionSyntax = {
        var syntax = OptionSyntax.posix
        syntax.plusNegatesShortOptions = true
        return syntax
    }()

    func run(_ context: inout CommandContext) -> ExitStatus {
        if context.arguments.isEmpty {
            for (name, variable) in context.state.variables.all {
                context.io.stdout.write("\(name)=\(ShellQuoting.quote(variable.value))\n")
            }
            return .success
        }
        var parser = Self.options.parser(for: context.arguments)
        var operands: [String] = []
        do {
            while let argument = try parser.next() {
                guard case .option(let option) = argument else {
                    if case .operand(let word) = argument { operands.append(word) }
                    continue
                }
                let enable = !option.isNegated
                switch option.name {
                case "-e": context.state.options.errexit = enable
                case "-u": context.state.options.nounset = enable
                case "-x": context.state.options.xtrace = enable
                case "-f": context.state.options.noglob = enable
                default:  // -o NAME
                    let name = option.value ?? ""
                    guard setOption(name, enable, &context.state.options) else {
                        context.error("\(name): invalid option name")
                        return .usage
                    }
                }
            }
        } catch  where error.kind == .missingValue {
            listOptions(context)  // `set -o`
            return .success
        } catch {
            context.io.stderr.writeDiagnostic(Self.options.message(for: error))
            // `set` is a special builtin: a usage error ends a non-interactive shell.
            if !context.state.isInteractive { context.state.exitRequest = .usage }
            return .usage
        }
        if parser.sawDoubleDash || !operands.isEmpty { context.state.positionalParameters = operands }
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
