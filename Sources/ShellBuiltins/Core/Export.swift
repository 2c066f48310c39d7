import OptionParsing
import ShellRuntime

/// `export [-p] [NAME[=VALUE] ...]`.
struct Export: Builtin {
    static let name = "export"
    static let summary = "mark variables for child processes (export NAME=VALUE)"
    static let synopsis = "usage: export [-p] [NAME[=VALUE] ...]"
    static let options = OptionTable.shellBuiltin(
        name, synopsis: synopsis,
        options: [OptionDefinition(["-p"], help: "list exported variables in a form that can be pasted back")])
    static let usage = options.builtinHelp(
        synopsis: synopsis,
        details: """
            Marks each NAME for export to programs the shell runs, setting it to VALUE if given.
            With no NAME (or -p), lists exported variables in a form that can be pasted back.
            """)

    func run(_ context: inout CommandContext) -> ExitStatus {
        guard let names = context.operands(Self.options) else { return .usage }
        return Assignments.listOrApply(names, command: Self.name, listing: \.isExported, context: &context) {
            variables, name, value throws(VariableError) in try variables.export(name, value: value)
        }
    }
}

/// Splitting `NAME=VALUE` arguments of `export` and `readonly`.
enum Assignments {
    static func split(_ argument: String) -> (name: String, value: String?) {
        guard let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// With no `names`, lists the variables `listing` selects as `command NAME='VALUE'` lines that can be pasted
    /// back; otherwise applies them (see `apply`).
    static func listOrApply(
        _ names: [String], command: String, listing: (ShellVariable) -> Bool, context: inout CommandContext,
        _ change: (inout VariableStore, String, String?) throws(VariableError) -> Void
    ) -> ExitStatus {
        guard names.isEmpty else { return apply(names, context: &context, change) }
        for (name, variable) in context.state.variables.all where listing(variable) {
            context.io.stdout.write("\(command) \(name)=\(ShellQuoting.quote(variable.value))\n")
        }
        return .success
    }

    /// Applies `NAME[=VALUE]` arguments one by one, reporting bad names and read-only variables; status 1 if any
    /// argument failed.
    static func apply(
        _ arguments: some Sequence<String>,
        context: inout CommandContext,
        _ change: (inout VariableStore, String, String?) throws(VariableError) -> Void
    ) -> ExitStatus {
        var status = ExitStatus.success
        for argument in arguments {
            let (name, value) = split(argument)
            guard VariableStore.isValidName(name) else {
                context.error("`\(argument)': not a valid identifier")
                status = .failure
                continue
            }
            do {
                try change(&context.state.variables, name, value)
            } catch {
                context.error(error.description)
                status = .failure
            }
        }
        return status
    }
}
