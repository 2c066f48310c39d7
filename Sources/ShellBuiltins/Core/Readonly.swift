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
        var status = ExitStatus.success
        for argument in names {
            let (name, value) = Assignments.split(argument)
            guard VariableStore.isValidName(name) else {
                context.error("`\(argument)': not a valid identifier")
                status = .failure
                continue
            }
            do {
                try context.state.variables.markReadonly(name, value: value)
            } catch {
                context.error(error.description)
                status = .failure
            }
        }
        return status
    }
}
