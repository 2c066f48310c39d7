import ShellRuntime

/// `break [N]`: leaves the innermost N loops.
struct Break: Builtin {
    static let name = "break"
    static let summary = "leave the innermost loop (or N loops)"
    static let usage = "usage: break [N]"

    func run(_ context: inout CommandContext) -> ExitStatus {
        LoopJump.run(&context) { .breakLoops($0) }
    }
}
