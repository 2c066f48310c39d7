import ShellRuntime

/// `local NAME[=VALUE] ...`: variables of the running function, put back as they were when it returns.
struct Local: Builtin {
    static let name = "local"
    static let summary = "make variables local to the running function (local NAME=VALUE)"
    static let usage = "usage: local NAME[=VALUE] ..."

    func run(_ context: inout CommandContext) -> ExitStatus {
        guard context.state.variables.hasLocalScope else {
            context.error("can only be used in a function")
            return .failure
        }
        return Assignments.apply(context.arguments, context: &context) { variables, name, value throws(VariableError) in
            try variables.makeLocal(name)
            if let value { try variables.set(name, to: value) }
        }
    }
}
