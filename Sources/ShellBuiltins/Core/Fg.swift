import ShellRuntime

/// `fg [%N | %consumer | %agent]`: brings a background job forward; a background socket (`wscat … &`) takes the
/// frames typed or the script's next lines.
struct Fg: Builtin {
    static let name = "fg"
    static let summary = "bring a background job forward (a wscat socket: send frames on it)"
    static let usage = """
        usage: fg [JOB]

        JOB is %N (its number in `jobs`), %consumer or %agent (a background socket's side), %% or %+ (the newest,
        the default) or %- (the one before). A socket started with `wscat … &` enters socket mode (at a terminal)
        or takes the script's next lines as frames; /bg puts it back, /as consumer|agent|%N switches to another,
        /close or Ctrl-D closes it. Any other job is waited for. The status is the job's, 0 when it went back to
        the background, 1 when there is no such job.
        """

    func run(_ context: inout CommandContext) -> ExitStatus {
        var operands = context.arguments[...]
        if operands.first == "--" { operands.removeFirst() }
        guard operands.count <= 1 else {
            context.error("one job at a time, got \(operands.count): \(operands.joined(separator: " "))")
            return .usage
        }
        return ForegroundJob.run(operands.first ?? "%%", context: &context)
    }
}
