import ShellRuntime

/// `clear`: clears the terminal screen.
struct Clear: Builtin {
    static let name = "clear"
    static let summary = "clear the terminal screen"
    static let usage = "usage: clear"

    func run(_ context: inout CommandContext) -> ExitStatus {
        context.io.stdout.write("\u{1B}[H\u{1B}[2J\u{1B}[3J")
        return .success
    }
}
