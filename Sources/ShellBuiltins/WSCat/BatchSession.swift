import ShellRuntime

/// Batch mode (input is not a terminal: a pasted script, a file, a heredoc, `-x`): every line is sent as a frame
/// (multi-line JSON collected first) until `/close`, the socket closing or the end of input; received frames go
/// to stdout one compact line each.
enum BatchSession {
    /// Runs the session; `nextLine` yields the input lines (nil at the end). With `resumed` the socket is already
    /// open (`fg %1` in a script); when `/bg` or `/as` ends the lines (``WSCatRunner/handoff``) it stays open.
    static func run<Dialect: WSCatDialect>(
        _ runner: WSCatRunner<Dialect>, resumed: Bool = false, nextLine: () -> String?
    ) -> ExitStatus {
        if !resumed {
            guard runner.connect() else { return .failure }
        }
        runner.defersClose = true
        if !runner.options.execute.isEmpty {
            for frame in runner.options.execute {
                for line in frame.split(separator: "\n", omittingEmptySubsequences: false) {
                    runner.submit(String(line))
                }
                runner.finishInput()
                runner.pump()
            }
        } else {
            runner.pump()
            while runner.isOpen, !InterruptState.isInterrupted, let line = nextLine() {
                if !runner.submit(line) { break }
                runner.pump()
            }
            if runner.handoff != nil {
                // The frames sent so far get their answers before the next socket's lines are read.
                runner.waitForResponses(seconds: 10)
                return .success
            }
            runner.finishInput()
        }
        if InterruptState.isInterrupted {
            runner.closeAndWait()
            return .interrupted
        }
        if runner.isOpen {
            if let wait = runner.options.wait {
                runner.wait(seconds: wait)
            } else {
                runner.waitForResponses(seconds: 10)
            }
        }
        runner.closeAndWait()
        return runner.status
    }
}
