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
        guard let names = context.operands(Self.options) else { return .usage }
        return Assignments.listOrApply(names, command: Self.name, listing: \.isReadonly, context: &context) {
            variables, name, value throws(VariableError) in try variables.markReadonly(name, value: value)
        }
    }
}
