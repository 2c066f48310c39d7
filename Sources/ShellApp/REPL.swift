import LineEditing
import ShellRuntime
import ShellSyntax
import Synchronization

/// The interactive loop (SwiftPM's `CardStack` shape): read a line, feed the continuation state, run what is
/// complete. Ctrl-C discards the line being typed; Ctrl-D on an empty prompt exits.
struct REPL {
    let runner: SourceRunner
    let reader: ReadlineLineReader
    let prompt: Prompt
    /// Runs once, before the first line typed is handled (the rest of start-up that the prompt did not wait for).
    var beforeFirstCommand: ((inout ShellState) -> Void)?

    func run(state: inout ShellState) -> ExitStatus {
        var beforeFirstCommand = self.beforeFirstCommand
        var continuation = ContinuationState()
        var pendingHistory: [String] = []
        Completion.variableNames.withLock { $0 = state.variables.names }
        while state.exitRequest == nil {
            let text = continuation.isContinuing ? prompt.continuation() : prompt.primary(state: state)
            switch reader.readLine(prompt: text) {
            case .endOfInput:
                if continuation.isContinuing {
                    continuation.reset()
                    pendingHistory.removeAll()
                    // bash's status for an unexpected end of file (a syntax error); said at once, not with the
                    // next command's output.
                    runner.io.stderr.write(runner.renderer.render(message: "unfinished command discarded"))
                    runner.io.flush()
                    state.lastStatus = .usage
                    continue
                }
                runner.io.stdout.write("exit\n")
                runner.io.flush()
                return state.exitRequest ?? state.lastStatus
            case .interrupted:
                continuation.reset()
                pendingHistory.removeAll()
                InterruptState.reset()
                state.lastStatus = .interrupted
            case .line(let line):
                beforeFirstCommand?(&state)
                beforeFirstCommand = nil
                pendingHistory.append(line)
                let event = continuation.feed(line)
                if event != .needsMoreInput {
                    let entry = pendingHistory.joined(separator: "\n")
                    pendingHistory.removeAll()
                    reader.addHistory(SecretMasking.mask(entry))
                }
                runner.handle(event, state: &state)
                Completion.variableNames.withLock { $0 = state.variables.names }
                // A command stopped by Ctrl-C leaves the cursor after the terminal's `^C`: start the prompt on a new line.
                if InterruptState.isInterrupted || state.lastStatus == .interrupted {
                    runner.io.stdout.write("\n")
                    runner.io.flush()
                    InterruptState.reset()
                }
            }
        }
        return state.exitRequest ?? state.lastStatus
    }
}
