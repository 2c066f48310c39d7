#if canImport(Glibc)
    import Glibc
#endif

/// The terminal's line editor, lent to a builtin that runs its own prompt while output arrives at any time
/// (wscat's socket mode): the builtin's thread waits in ``nextEvent()``, another thread calls ``wake()`` when
/// there is something to print, and ``printAbovePrompt(_:)`` prints it without breaking the line being typed.
///
/// Only the thread that called ``beginSession(historyFile:completion:)`` may call the other methods, except
/// ``wake()``.
public protocol InteractiveTerminal: AnyObject, Sendable {
    /// Switches to the builtin's own history (loaded from `historyFile`, kept 0600) and completion.
    func beginSession(
        historyFile: String?, completion: @escaping @Sendable (_ word: String, _ before: String) -> [String])
    /// The prompt shown from the next line on (may hold `\u{1}…\u{2}` around escape sequences).
    func setPrompt(_ prompt: String)
    /// Waits for a line, end of input (Ctrl-D), Ctrl-C (the line is discarded) or a ``wake()``.
    func nextEvent() -> TerminalEvent
    /// Makes the waiting ``nextEvent()`` return `.wake`; safe from any thread.
    func wake()
    /// Prints text (ending with a newline) above the prompt and redraws the line being typed.
    func printAbovePrompt(_ text: String)
    /// Prints text (ending with a newline) from any thread, above whichever prompt is being edited (the shell's or
    /// a builtin's), or straight away when none is (a background socket's frames).
    func post(_ text: String)
    /// Adds an entry (already masked) to the session history and its file.
    func addHistory(_ entry: String)
    /// Restores the shell's history, completion and terminal settings.
    func endSession()
}

/// What ``InteractiveTerminal/nextEvent()`` returns.
public enum TerminalEvent: Equatable, Sendable {
    /// A complete line (without its newline).
    case line(String)
    /// Ctrl-D on an empty line.
    case endOfInput
    /// Ctrl-C: the line being typed was discarded.
    case interrupted
    /// Ctrl-Z: the line being typed was discarded (wscat's socket goes to the background).
    case suspend
    /// ``InteractiveTerminal/wake()`` was called.
    case wake
}

extension InteractiveTerminal {
    /// Writes straight to standard output (terminals without a line editor).
    public func post(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(1, $0.baseAddress, $0.count) }
    }
}
