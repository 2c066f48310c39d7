import ShellRuntime

/// `clear`: clears the terminal screen.
struct Clear: Builtin {
    static let name = "clear"
    static let summary = "clear the terminal screen"
    static let usage = "usage: clear"

    func run(_ context: inout CommandContext) -> ExitStatus {
        context.io.stdout.write(TerminalStyle.clearScreen)
        return .success
    }
}
