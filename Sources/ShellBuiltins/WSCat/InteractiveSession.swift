import HTTPTransfer
import ShellRuntime

/// Interactive mode (stdin is the terminal): a `> ` prompt with its own history, frames printed above the line
/// being typed, multi-line frames, slash commands. Ctrl-C discards the line, Ctrl-D or `/close` closes, Ctrl-Z or `/bg` leaves the socket open
/// in the background (`SocketJob`).
enum InteractiveSession {
    /// - Parameters:
    ///   - initialLines: lines submitted as if typed, before the prompt (a tutorial step's frames), taken one by
    ///     one: after an `/as` among them, the rest are left for the socket it switches to.
    ///   - resumed: the socket is already open (`fg %1`): it is not connected again.
    /// - Returns: the exit status; when `/bg` or `/as` ended the session (``WSCatRunner/handoff``) the socket is
    ///   left open.
    static func run<Dialect: WSCatDialect>(
        _ runner: WSCatRunner<Dialect>, terminal: any InteractiveTerminal, historyFile: String?,
        initialLines: () -> String? = { nil }, resumed: String? = nil
    ) -> ExitStatus {
        runner.defersClose = false
        if resumed == nil {
            guard runner.connect() else { return .failure }
        }
        terminal.beginSession(historyFile: historyFile) { word, before in
            SlashCommands.completions(word: word, before: before, dialect: Dialect.self)
        }
        defer { terminal.endSession() }
        if let resumed {
            runner.write(resumed, false)
        } else {
            runner.write(
                runner.formatter.connected(runner.options.url, proxy: runner.request.proxy?.hostPort), false)
        }
        while runner.isOpen, let line = initialLines() {
            runner.write(runner.formatter.prompt(continuing: false) + line + "\n", false)
            if !runner.submit(line) { break }
            runner.pump()
        }
        loop: while runner.handoff == nil {
            runner.session?.events.setWakeHandler { terminal.wake() }
            runner.pump()
            guard runner.isOpen else { break }
            terminal.setPrompt(runner.formatter.prompt(continuing: runner.collector.isCollecting))
            switch terminal.nextEvent() {
            case .wake:
                continue
            case .line(let line):
                if !line.trimmingWhitespace.isEmpty { terminal.addHistory(SecretMasking.mask(line)) }
                if !runner.submit(line) { break loop }
            case .suspend:
                // Ctrl-Z: like /bg, the socket stays open in the background.
                runner.handoff = .background
            case .interrupted:
                InterruptState.reset()
                runner.collector.reset()
            case .endOfInput:
                runner.finishInput()
                break loop
            }
        }
        runner.session?.events.setWakeHandler(nil)
        if runner.handoff != nil { return .success }
        runner.closeAndWait()
        return runner.status
    }
}
