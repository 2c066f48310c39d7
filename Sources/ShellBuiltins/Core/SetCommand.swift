import OptionParsing
import ShellRuntime

/// `set [-aeufvxC] [-o NAME] [--] [ARG ...]`.
struct SetCommand: Builtin {
    static let name = "set"
    static let summary = "set shell options and positional parameters; with no arguments list variables"
    static let synopsis = "usage: set [-aeufvxC] [+aeufvxC] [-o OPTION] [+o OPTION] [--|-] [ARG ...]"
    static let options = OptionTable.shellBuiltin(
        name, synopsis: synopsis,
        options: [
            OptionDefinition(["-a"], help: "export every variable assigned (-o allexport)"),
            OptionDefinition(["-e"], help: "exit when a command fails (-o errexit)"),
            OptionDefinition(["-u"], help: "error on unset variables (-o nounset)"),
            OptionDefinition(["-f"], help: "no pathname expansion (-o noglob)"),
            OptionDefinition(["-v"], help: "accepted for scripts that set it (-o verbose)"),
            OptionDefinition(["-x"], help: "print commands before running them (-o xtrace)"),
            OptionDefinition(["-C"], help: "> does not overwrite an existing file; >| does (-o noclobber)"),
            OptionDefinition(
                ["-o"], .required, placeholder: "OPTION",
                help: """
                    allexport, errexit, noclobber, noglob, nounset, verbose, xtrace, or
                    pipefail: a pipeline fails when any stage fails
                    autorefresh: refresh LivePerson tokens before they expire (lp-shell)
                    (without OPTION: list the options)
                    """),
        ])
    static let usage = options.builtinHelp(
        synopsis: synopsis,
        details: "With no arguments, prints every variable (tokens masked); + turns an option off; "
            + "`set -- a b` (or `set - a b`, which also turns -x and -v off) sets $1 and $2.")

    /// The one-letter options and their long names.
    private static let letters: [Character: String] = [
        "a": "allexport", "e": "errexit", "u": "nounset", "f": "noglob", "v": "verbose", "x": "xtrace",
        "C": "noclobber",
    ]

    func run(_ context: inout CommandContext) -> ExitStatus {
        if context.arguments.isEmpty {
            for (name, variable) in context.state.variables.all {
                context.io.stdout.write("\(name)=\(ShellQuoting.quote(variable.value))\n")
            }
            return .success
        }
        // By hand rather than with the option table: `-` and `+` alone are words of their own here (POSIX).
        var arguments = context.arguments[...]
        while let argument = arguments.first {
            if argument == "--" {
                arguments.removeFirst()
                context.state.positionalParameters = Array(arguments)
                return .success
            }
            if argument == "-" {
                // `set -` turns -x and -v off and ends the options; what follows (if anything) is $1 ….
                arguments.removeFirst()
                context.state.options.xtrace = false
                context.state.options.verbose = false
                if !arguments.isEmpty { context.state.positionalParameters = Array(arguments) }
                return .success
            }
            guard let sign = argument.first, sign == "-" || sign == "+" else { break }
            arguments.removeFirst()
            let enable = sign == "-"
            for letter in argument.dropFirst() {
                let name: String
                if letter == "o" {
                    guard let value = arguments.popFirst() else {
                        listOptions(context, reusable: !enable)
                        continue
                    }
                    name = value
                } else if let long = Self.letters[letter] {
                    name = long
                } else {
                    return usageError(&context, "\(sign)\(letter): invalid option")
                }
                guard setOption(name, enable, &context.state) else {
                    return usageError(&context, "\(name): invalid option name")
                }
            }
        }
        if !arguments.isEmpty { context.state.positionalParameters = Array(arguments) }
        return .success
    }

    private func usageError(_ context: inout CommandContext, _ message: String) -> ExitStatus {
        context.error("\(message)\n\(Self.synopsis)")
        // `set` is a special builtin: a usage error ends a non-interactive shell.
        if !context.state.isInteractive { context.state.exitRequest = .usage }
        return .usage
    }

    private func setOption(_ name: String, _ enable: Bool, _ state: inout ShellState) -> Bool {
        switch name {
        case "allexport":
            state.options.allexport = enable
            state.variables.exportsAssignments = enable
        case "errexit": state.options.errexit = enable
        case "nounset": state.options.nounset = enable
        case "xtrace": state.options.xtrace = enable
        case "noglob": state.options.noglob = enable
        case "verbose": state.options.verbose = enable
        case "noclobber": state.options.noclobber = enable
        case "pipefail": state.options.pipefail = enable
        case "autorefresh":
            if enable { state.options.extra.insert(name) } else { state.options.extra.remove(name) }
        default: return false
        }
        return true
    }

    /// `set -o` (a table) or `set +o` (commands that set the options back).
    private func listOptions(_ context: CommandContext, reusable: Bool) {
        let options = context.state.options
        let rows: [(String, Bool)] = [
            ("allexport", options.allexport), ("autorefresh", options.extra.contains("autorefresh")),
            ("errexit", options.errexit), ("noclobber", options.noclobber), ("noexec", false),
            ("noglob", options.noglob), ("nounset", options.nounset), ("pipefail", options.pipefail),
            ("verbose", options.verbose), ("xtrace", options.xtrace),
        ]
        for (name, on) in rows {
            if reusable {
                context.io.stdout.write("set \(on ? "-" : "+")o \(name)\n")
            } else {
                context.io.stdout.write(name.padding(to: 15) + (on ? "on" : "off") + "\n")
            }
        }
    }
}
