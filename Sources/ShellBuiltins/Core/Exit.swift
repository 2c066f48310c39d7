import ShellRuntime

/// `exit [N]`: leaves the shell (or the subshell it runs in).
struct Exit: Builtin {
    static let name = "exit"
    static let summary = "exit the shell with status N (default: the last status)"
    static let usage = "usage: exit [N]"

    func run(_ context: inout CommandContext) -> ExitStatus {
        guard let status = StatusOperand.read(&context) else {
            context.state.exitRequest = .usage
            return .usage
        }
        if context.arguments.count > 1 {
            context.error("too many arguments")
            return .failure
        }
        context.state.exitRequest = status
        return status
    }
}

/// The `[N]` of `exit` and `return`: the last status when absent, taken modulo 256.
enum StatusOperand {
    /// The status, or nil after reporting an argument that is not a number.
    static func read(_ context: inout CommandContext) -> ExitStatus? {
        guard let argument = context.arguments.first else { return context.state.lastStatus }
        guard let value = Int(argument) else {
            context.error("\(argument): numeric argument required")
            return nil
        }
        return ExitStatus(Int32(truncatingIfNeeded: value & 0xff))
    }
}
