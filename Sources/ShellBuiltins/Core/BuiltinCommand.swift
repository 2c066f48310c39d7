import ShellRuntime

/// `builtin NAME [ARG ...]`: runs the builtin NAME even when a function has that name (bash).
struct BuiltinCommand: Builtin {
    static let name = "builtin"
    static let summary = "run a shell builtin, skipping functions and programs of that name"
    static let usage = "usage: builtin NAME [ARG ...]"
    static let handlesHelpFlag = false

    func run(_ context: inout CommandContext) -> ExitStatus {
        guard let name = context.arguments.first else { return .success }
        guard context.shell.builtins.contains(where: { $0.name == name || $0.aliases.contains(name) }) else {
            context.error("\(name): not a shell builtin")
            return .failure
        }
        return context.shell.runCommand(context.arguments, functions: false, state: &context.state, io: context.io)
    }
}
