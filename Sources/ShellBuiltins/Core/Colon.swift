import ShellRuntime

/// `:`: does nothing (its arguments are still expanded, as in `: ${X:=default}`).
struct Colon: Builtin {
    static let name = ":"
    static let summary = "do nothing; arguments are expanded for their side effects"
    static let usage = "usage: : [ARG ...]"
    static let handlesHelpFlag = false

    func run(_ context: inout CommandContext) -> ExitStatus { .success }
}
