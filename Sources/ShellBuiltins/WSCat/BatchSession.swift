import ShellRuntime

/// Batch mode (input is not a terminal: a pasted script, a file, a heredoc, `-x`): every line is sent as a frame
/// (multi-line JSON collected first) until `/close`, the socket closing or the end of input; received frames go
/// to stdout one compact line each.
///
/// In a script the frames end at the first line that is a shell command (``ScriptLineKind``): wscat closes normally
/// and gives that line back to the shell, which runs it and the rest. When the socket closes first (4401, 1006, or it
/// never opened), the frame lines after it are passed over, said in one note, and the shell goes on at the same line:
/// what the shell runs never depends on when the server closed.
enum BatchSession {
    /// Runs the session; `input` yields the lines (script lines first). With `resumed` the socket is already open
    /// (`fg %1` in a script); when `/bg` or `/as` ends the lines (``WSCatRunner/handoff``) it stays open.
    static func run<Dialect: WSCatDialect>(
        _ runner: WSCatRunner<Dialect>, resumed: Bool = false, input: inout BatchInput
    ) -> ExitStatus {
        if !resumed {
            guard runner.connect() else {
                if !runner.options.execute.isEmpty { return .failure }
                passOverUnsentFrames(runner, input: &input)
                return .failure
            }
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
            var shellCommand: String?
            reading: while runner.isOpen, !InterruptState.isInterrupted, let line = input.next() {
                if line.fromScript {
                    switch ScriptLineKind.of(line.text, inFrame: runner.collector.isCollecting) {
                    case .shell:
                        input.giveBack(line.text)
                        // A background socket brought forward (`fg %agent`) goes back to the background: the
                        // script opened it with `&` to keep it.
                        if resumed { runner.handoff = .background } else { shellCommand = line.text }
                        break reading
                    case .nothing: continue reading
                    case .frame, .command: break
                    }
                }
                if !runner.submit(line.text) { break }
                runner.pump()
            }
            if runner.handoff != nil {
                // The frames sent so far get their answers before the next socket's lines are read.
                runner.waitForResponses(seconds: 10)
                return .success
            }
            if let shellCommand {
                runner.abandonOpenFrame()
                runner.pump()
                let what =
                    runner.isOpen ? "closing the socket, back to the shell" : "the socket closed, back to the shell"
                runner.write(runner.formatter.note("\(quoted(shellCommand)) is a shell command: " + what), false)
            } else if !runner.isOpen && runner.requestedClose == nil && !InterruptState.isInterrupted {
                passOverUnsentFrames(runner, input: &input)
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

    /// After the socket closed (or never opened) in a script: reads the frame lines and slash commands that were
    /// meant for it, up to its `/close` or the first shell command, which goes back to the shell; says how many
    /// were not sent and where the shell goes on.
    private static func passOverUnsentFrames<Dialect: WSCatDialect>(
        _ runner: WSCatRunner<Dialect>, input: inout BatchInput
    ) {
        var unsent = 0
        var resumesWith: String?
        reading: while let line = input.nextScriptLine() {
            switch ScriptLineKind.of(line, inFrame: runner.collector.isCollecting) {
            case .nothing: continue reading
            case .shell:
                input.giveBack(line)
                resumesWith = line
                break reading
            case .command:
                unsent += 1
                runner.collector.reset()
                let trimmed = line.trimmingWhitespace
                if trimmed == "/close" || trimmed.hasPrefix("/close ") { break reading }
            case .frame:
                unsent += 1
                _ = runner.collector.feed(line)
            }
        }
        runner.collector.reset()
        guard unsent > 0 || resumesWith != nil else { return }
        let why = runner.session == nil ? "there is no socket" : "the socket closed"
        var text = why
        if unsent > 0 { text += ": \(unsent) more line\(unsent == 1 ? "" : "s") for it not sent" }
        if let resumesWith { text += "; the shell goes on with \(quoted(resumesWith))" }
        runner.write(runner.formatter.note(text), false)
    }

    /// A line as a note quotes it: trimmed, cut at 60 characters.
    static func quoted(_ line: String) -> String {
        let trimmed = line.trimmingWhitespace
        return "'" + (trimmed.count > 60 ? trimmed.prefix(59) + "…" : trimmed) + "'"
    }
}
