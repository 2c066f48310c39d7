import ShellRuntime
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A one-line spinner on stderr while something slow happens at start-up (only at a terminal).
final class Spinner: Sendable {
    private let state = SpinnerState()
    private let enabled: Bool

    init(message: String, enabled: Bool) {
        self.enabled = enabled
        guard enabled else { return }
        let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
        Task { [state] in
            var index = 0
            while state.running.load(ordering: .relaxed) {
                let line = "\r\(frames[index % frames.count]) \(message)…"
                _ = line.withCString { write(2, $0, strlen($0)) }
                index += 1
                try? await Task.sleep(for: .milliseconds(80))
            }
        }
    }

    func stop() {
        state.running.store(false, ordering: .relaxed)
        if enabled { _ = TerminalStyle.eraseLine.withCString { write(2, $0, strlen($0)) } }
    }
}

/// The flag the spinner's task polls.
final class SpinnerState: Sendable {
    let running = Atomic<Bool>(true)
}
