import ShellRuntime

/// What `break` and `continue` share: the loop count argument and what happens outside a loop.
enum LoopJump {
    /// Reads `[N]` and sets the jump, as bash does: outside a loop, a note and status 0; a count that is not a
    /// positive number ends a script with status 128 (in bash's words).
    static func run(_ context: inout CommandContext, jump: (Int) -> Jump) -> ExitStatus {
        guard context.state.loopDepth > 0 else {
            context.error("only meaningful in a `for', `while', or `until' loop")
            return .success
        }
        var count = 1
        if let argument = context.arguments.first {
            guard let value = Int(argument) else {
                context.error("\(argument): numeric argument required")
                return badCount(&context)
            }
            guard value >= 1 else {
                context.error("\(argument): loop count out of range")
                return badCount(&context)
            }
            count = value
        }
        if context.arguments.count > 1 {
            // bash leaves the loop, `continue` included: a loop never runs on because of a bad `break`.
            context.error("too many arguments")
            context.state.jump = .breakLoops(1)
            return .failure
        }
        context.state.jump = jump(min(count, context.state.loopDepth))
        return .success
    }

    private static func badCount(_ context: inout CommandContext) -> ExitStatus {
        let status = ExitStatus(128)
        if context.state.isInteractive {
            context.state.jump = .breakLoops(context.state.loopDepth)
        } else {
            context.state.exitRequest = status
        }
        return status
    }
}
