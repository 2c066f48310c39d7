import ShellRuntime

/// `continue [N]`: starts the next iteration of the innermost loop (or of the Nth one out).
struct Continue: Builtin {
    static let name = "continue"
    static let summary = "start the next iteration of the innermost loop (or of the Nth one out)"
    static let usage = "usage: continue [N]"

    func run(_ context: inout CommandContext) -> ExitStatus {
        LoopJump.run(&context) { .continueLoop($0) }
    }
}
