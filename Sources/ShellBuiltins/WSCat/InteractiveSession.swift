import HTTPTransfer
import ShellRuntime

/// Interactive mode (stdin is the terminal): a `> ` prompt with its own history, frames printed above the line
/// being typed, multi-line frames, slash commands. Ctrl-C discards the line, Ctrl-D or `/close` closes.
enum InteractiveSession {
    /// - Parameter initialLines: lines submitted as if typed, before the prompt (a tutorial step's frames).
    static func run<Dialect: WSCatDialect>(
        _ runner: WSCatRunner<Dialect>, terminal: any InteractiveTerminal, historyFile: String?,
        initialLines: [String] = []
    ) -> ExitStatus {
        guard runner.connect() else { return .failure }
        terminal.beginSession(historyFile: historyFile) { word, before in
            SlashCommands.completions(word: word, before: before, dialect: Dialect.self)
        }
        defer { terminal.endSession() }
        runner.write(runner.formatter.connected(runner.options.url, proxy: runner.request.proxy?.hostPort), false)
        for line in initialLines where runner.isOpen {
            runner.write(runner.formatter.prompt(continuing: false) + line + "\n", false)
            if !runner.submit(line) { break }
            runner.pump()
        }
        loop: while true {
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
            case .interrupted:
                InterruptState.reset()
                runner.collector.reset()
            case .endOfInput:
                runner.finishInput()
                break loop
            }
        }
        runner.closeAndWait()
        runner.session?.events.setWakeHandler(nil)
        return runner.status
    }
}
