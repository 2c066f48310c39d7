import ShellRuntime

/// `unset [-v] [-f] NAME ...`.
struct Unset: Builtin {
    static let name = "unset"
    static let summary = "remove variables"
    static let usage = "usage: unset [-v] NAME ..."

    func run(_ context: inout CommandContext) -> ExitStatus {
        var status = ExitStatus.success
        for name in context.arguments {
            if name == "-v" || name == "-f" { continue }
            if name.hasPrefix("-") {
                context.error("\(name): invalid option\nusage: unset [-v] NAME ...")
                return .usage
            }
            do {
                try context.state.variables.unset(name)
            } catch {
                context.error("\(name): cannot unset: readonly variable")
                status = .failure
            }
        }
        return status
    }
}
