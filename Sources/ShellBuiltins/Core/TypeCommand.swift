import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// `type NAME ...`: says whether each name is a builtin, a function or a program.
struct TypeCommand: Builtin {
    static let name = "type"
    static let summary = "tell whether a name is a builtin, a function or a program"
    static let usage = "usage: type NAME ..."

    func run(_ context: inout CommandContext) -> ExitStatus {
        var status = ExitStatus.success
        for name in context.arguments {
            if context.state.functionNames.contains(name) {
                context.io.stdout.write("\(name) is a function\n")
            } else if context.shell.builtins.contains(where: { $0.name == name || $0.aliases.contains(name) }) {
                context.io.stdout.write("\(name) is a shell builtin\n")
            } else if let path = TypeCommand.find(name, in: context.state.variables["PATH"] ?? "") {
                context.io.stdout.write("\(name) is \(path)\n")
            } else {
                context.error("\(name): not found")
                status = .failure
            }
        }
        return status
    }

    static func find(_ name: String, in path: String) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
