import LineEditing
import ShellRuntime

/// ``InteractiveTerminal`` over readline's callback interface, lent to builtins such as `wscat`.
final class ReadlineInteractiveTerminal: InteractiveTerminal, @unchecked Sendable {
    // @unchecked: forwards to ReadlineAsyncPrompt, which one thread drives (wake() excepted).
    private let prompt = ReadlineAsyncPrompt()

    func beginSession(historyFile: String?, completion: @escaping @Sendable (String, String) -> [String]) {
        prompt.begin(historyFile: historyFile, completion: completion)
    }

    func setPrompt(_ text: String) { prompt.setPrompt(text) }

    func nextEvent() -> TerminalEvent {
        switch prompt.next() {
        case .line(let line): return .line(line)
        case .endOfInput: return .endOfInput
        case .interrupted:
            InterruptState.reset()
            return .interrupted
        case .suspend: return .suspend
        case .wake: return .wake
        }
    }

    func wake() { prompt.wake() }

    func printAbovePrompt(_ text: String) { prompt.printAbove(text) }

    func post(_ text: String) { AbovePrompt.post(text) }

    func addHistory(_ entry: String) { prompt.add(history: entry) }

    func endSession() { prompt.end() }
}
