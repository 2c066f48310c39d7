import OptionParsing
import ShellRuntime

/// `save [FILE]`: writes the session's `LP_*` variables as an lp.env that `--env-file` and `load` read back.
struct Save: Builtin {
    static let name = "save"
    static let summary = "save the session's LP_* variables to an lp.env file (mode 0600)"
    static let synopsis = "usage: save [--all] [FILE]"
    static let options = OptionTable.shellBuiltin(
        name, synopsis: synopsis,
        options: [OptionDefinition(["--all"], help: "keep the service hosts (LP_IDP, …) too")],
        syntax: OptionSyntax(), unknown: "unknown option")
    static let usage = options.builtinHelp(
        synopsis: synopsis,
        details: """
            Writes LP_ACCOUNT, LP_CONN_ID, the tokens (LP_JWT, LP_EXT_JWT, …) and every other LP_* variable you set
            to FILE (default ./lp.env), mode 0600, in docker's env-file format. Service hosts (LP_IDP, …) are left
            out because lp-shell looks them up again at start-up; --all keeps them.
            Read it back with `lp-shell --env-file FILE` or `load FILE`.
            """)

    func run(_ context: inout CommandContext) -> ExitStatus {
        var includeDerived = false
        var file = "lp.env"
        do {
            for argument in try Self.options.parse(context.arguments) {
                switch argument {
                case .option: includeDerived = true  // --all
                case .operand(let word): file = word
                }
            }
        } catch {
            context.io.stderr.writeDiagnostic(Self.options.message(for: error))
            return .usage
        }
        var lines = ["# lp-shell session variables; read back with: lp-shell --env-file \(file)"]
        var count = 0
        for (name, variable) in context.state.variables.all where name.hasPrefix("LP_") {
            if !includeDerived && context.state.derivedVariables.contains(name) { continue }
            if variable.value.contains("\n") {
                context.error("warning: skipped \(name): its value spans lines, which env files cannot hold")
                continue
            }
            lines.append("\(name)=\(variable.value)")
            count += 1
        }
        let text = lines.joined(separator: "\n") + "\n"
        if let failure = FileWriting.writePrivate(context.resolvePath(file), Array(text.utf8)) {
            context.error("\(file): \(failure)")
            return .failure
        }
        context.io.stderr.writeDiagnostic("saved \(count) variable\(count == 1 ? "" : "s") to \(file) (mode 0600)\n")
        return .success
    }
}
