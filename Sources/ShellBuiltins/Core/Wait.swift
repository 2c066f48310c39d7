import ShellRuntime

/// `wait [ID ...]`: waits for commands started with `&`.
struct Wait: Builtin {
    static let name = "wait"
    static let summary = "wait for background commands (cmd &); the status is the last ID's"
    static let usage = """
        usage: wait [ID ...]

        Without ID, waits for every command started with & and returns 0. With IDs (from $!), waits for each and
        returns the last one's status; 127 for an ID that is not a command of this shell.
        """

    func run(_ context: inout CommandContext) -> ExitStatus {
        var operands = context.arguments[...]
        if operands.first == "--" { operands.removeFirst() }
        guard !operands.isEmpty else {
            context.state.backgroundJobs.waitForAll()
            return .success
        }
        var status = ExitStatus.success
        for operand in operands {
            guard let id = Int(operand), id > 0 else {
                context.error("`\(operand)': not a pid or valid job spec")
                status = .usage
                continue
            }
            guard let jobStatus = context.state.backgroundJobs.wait(for: id) else {
                context.error("pid \(id) is not a child of this shell")
                status = .notFound
                continue
            }
            status = jobStatus
        }
        return status
    }
}
