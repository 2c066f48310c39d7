import ShellRuntime

/// `eval ARG ...`: runs the arguments joined by spaces as shell code.
struct Eval: Builtin {
    static let name = "eval"
    static let summary = "run the arguments as a shell command"
    static let usage = "usage: eval [ARG ...]"
    static let handlesHelpFlag = false

    func run(_ context: inout CommandContext) -> ExitStatus {
        let source = context.arguments.joined(separator: " ")
        guard !source.isEmpty else { return .success }
        return context.shell.run(source: source, name: "eval", state: &context.state, io: context.io)
    }
}
