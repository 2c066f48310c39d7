import ShellRuntime

/// `unalias [-a] NAME ...`.
struct Unalias: Builtin {
    static let name = "unalias"
    static let summary = "remove aliases (-a: all of them)"
    static let usage = "usage: unalias [-a] NAME ..."

    func run(_ context: inout CommandContext) -> ExitStatus {
        var operands = context.arguments[...]
        if operands.first == "-a" {
            context.state.aliases.removeAll()
            return .success
        }
        if operands.first == "--" { operands.removeFirst() }
        guard !operands.isEmpty else {
            context.error("usage: unalias [-a] NAME ...")
            return .usage
        }
        var status = ExitStatus.success
        for name in operands where context.state.aliases.removeValue(forKey: name) == nil {
            context.error("\(name): not found")
            status = .failure
        }
        return status
    }
}
