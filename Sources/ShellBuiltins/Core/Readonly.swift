import ShellRuntime

/// `readonly [-p] [NAME[=VALUE] ...]`.
struct Readonly: Builtin {
    static let name = "readonly"
    static let summary = "make variables read-only"
    static let usage = "usage: readonly [-p] [NAME[=VALUE] ...]"

    func run(_ context: inout CommandContext) -> ExitStatus {
        var names = context.arguments[...]
        if names.first == "-p" { names.removeFirst() }
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
