import OptionParsing
import ShellRuntime

/// `readonly [-p] [NAME[=VALUE] ...]`.
struct Readonly: Builtin {
    static let name = "readonly"
    static let summary = "make variables read-only"
    static let synopsis = "usage: readonly [-p] [NAME[=VALUE] ...]"
    static let options = OptionTable.shellBuiltin(
        name, synopsis: synopsis,
        options: [OptionDefinition(["-p"], help: "list read-only variables in a form that can be pasted back")])
    static let usage = options.builtinHelp(synopsis: synopsis)

    func run(_ context: inout CommandContext) -> ExitStatus {
        let names: [String]
        do {
            names = try Self.options.operands(of: context.arguments)
        } catch {
            context.io.stderr.write(Self.options.message(for: error))
            return .usage
        }
        if names.isEmpty {
            for (name, variable) in context.state.variables.all where variable.isReadonly {
                context.io.stdout.write("readonly \(name)=\(ShellQuoting.quote(variable.value))\n")
            }
            return .success
        }
        return Assignments.apply(names, context: &context) { variables, name, value throws(VariableError) in
            try variables.markReadonly(name, value: value)
        }
    }
}
