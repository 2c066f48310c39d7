import ShellRuntime

/// Batch mode (input is not a terminal: a pasted script, a file, a heredoc, `-x`): every line is sent as a frame
/// (multi-line JSON collected first) until `/close`, the socket closing or the end of input; received frames go
/// to stdout one compact line each.
enum BatchSession {
    /// Runs the session; `nextLine` yields the input lines (nil at the end).
    static func run<Dialect: WSCatDialect>(_ runner: WSCatRunner<Dialect>, nextLine: () -> String?) -> ExitStatus {
        guard runner.connect() else { return .failure }
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
