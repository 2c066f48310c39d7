import ShellRuntime

/// `shift [N]`.
struct Shift: Builtin {
    static let name = "shift"
    static let summary = "drop the first N positional parameters"
    static let usage = "usage: shift [N]"

    func run(_ context: inout CommandContext) -> ExitStatus {
        let count = context.arguments.first.flatMap { Int($0) } ?? 1
        if let argument = context.arguments.first, Int(argument) == nil {
            context.error("\(argument): numeric argument required")
            return .usage
        }
        guard count >= 0, count <= context.state.positionalParameters.count else {
            return .failure
        }
        context.state.positionalParameters.removeFirst(count)
        return .success
    }
}
