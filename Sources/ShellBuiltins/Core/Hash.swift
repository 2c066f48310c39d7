import ShellRuntime

/// `hash [-r] [NAME ...]`: the programs the shell remembers finding in `PATH`.
struct Hash: Builtin {
    static let name = "hash"
    static let summary = "remember where programs are in PATH; -r forgets; no NAME lists them"
    static let usage = "usage: hash [-r] [NAME ...]"

    func run(_ context: inout CommandContext) -> ExitStatus {
        var names = context.arguments[...]
        if names.first == "-r" {
            names.removeFirst()
            context.state.commandCache.removeAll()
        } else if names.isEmpty {
            for (_, file) in context.state.commandCache.entries.sorted(by: { $0.key < $1.key }) {
                context.io.stdout.write(file + "\n")
            }
            return .success
        }
        var status = ExitStatus.success
        for name in names where context.state.functionNames.contains(name) == false {
            if context.shell.builtins.contains(where: { $0.name == name }) { continue }
            if context.state.locateCommand(name) == nil {
                context.error("\(name): not found")
                status = .failure
            }
        }
        return status
    }
}
