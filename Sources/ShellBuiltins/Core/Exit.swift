import ShellRuntime

/// `exit [N]`: leaves the shell (or the subshell it runs in).
struct Exit: Builtin {
    static let name = "exit"
    static let summary = "exit the shell with status N (default: the last status)"
    static let usage = "usage: exit [N]"

    func run(_ context: inout CommandContext) -> ExitStatus {
        var status = context.state.lastStatus
        if let argument = context.arguments.first {
            guard let value = Int(argument) else {
                context.error("\(argument): numeric argument required")
                context.state.exitRequest = .usage
                return .usage
            }
            status = ExitStatus(Int32(truncatingIfNeeded: value & 0xff))
        }
        if context.arguments.count > 1 {
            context.error("too many arguments")
            return .failure
        }
        context.state.exitRequest = status
        return status
    }
}
