import ShellRuntime

/// `true`: succeeds.
struct True: Builtin {
    static let name = "true"
    static let summary = "do nothing, successfully"
    static let usage = "usage: true\n\nReturns status 0."
    static let handlesHelpFlag = false

    func run(_ context: inout CommandContext) -> ExitStatus { .success }
}
