import ShellRuntime

/// `return [N]`: leaves the running function or sourced file with status N (default: the last status).
struct Return: Builtin {
    static let name = "return"
    static let summary = "leave a function or sourced file with status N (default: the last status)"
    static let usage = "usage: return [N]"

    func run(_ context: inout CommandContext) -> ExitStatus {
        guard let status = StatusOperand.read(&context) else { return finish(&context, .usage) }
        if context.arguments.count > 1 {
            context.error("too many arguments")
            return .failure
        }
        return finish(&context, status)
    }

    private func finish(_ context: inout CommandContext, _ status: ExitStatus) -> ExitStatus {
        guard context.state.returnDepth > 0 else {
            context.error("can only `return' from a function or sourced script")
            return .usage
        }
        context.state.lastStatus = status
        context.state.jump = .returnFromFunction
        return status
    }
}
