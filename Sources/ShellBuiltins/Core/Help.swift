import ShellRuntime

/// `help [NAME]`: lists builtins, or shows one builtin's usage.
struct Help: Builtin {
    static let name = "help"
    static let summary = "list the builtins, or show how to use one (help NAME)"
    static let usage = "usage: help [NAME]\n\nWith no NAME, lists every builtin with a one-line summary."

    func run(_ context: inout CommandContext) -> ExitStatus {
        let builtins = context.shell.builtins
        if let name = context.arguments.first {
            guard let builtin = builtins.first(where: { $0.name == name || $0.aliases.contains(name) }) else {
                context.error("no help topics match `\(name)'; try `help' for the list")
                return .failure
            }
            context.io.stdout.write(builtin.usage.hasSuffix("\n") ? builtin.usage : builtin.usage + "\n")
            return .success
        }
        let width = (builtins.map { ($0.aliases + [$0.name]).joined(separator: ", ").count }.max() ?? 8) + 2
        context.io.stdout.write("lp-shell builtins (`help NAME` or `NAME --help` for details):\n\n")
        for builtin in builtins {
            let names = ([builtin.name] + builtin.aliases).joined(separator: ", ")
            context.io.stdout.write("  " + names.padding(to: width) + builtin.summary + "\n")
        }
        context.io.stdout.write("\nAny other command runs from PATH.\n")
        return .success
    }
}
