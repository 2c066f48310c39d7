import ShellRuntime

/// `false`: fails.
struct False: Builtin {
    static let name = "false"
    static let summary = "do nothing, unsuccessfully"
    static let usage = "usage: false\n\nReturns status 1."
    static let handlesHelpFlag = false

    func run(_ context: inout CommandContext) -> ExitStatus { .failure }
}
