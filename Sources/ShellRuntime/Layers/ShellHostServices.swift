/// The interactive history, lent by the app when it reads commands from a terminal (`history`, `history -c`).
public protocol ShellHistory: AnyObject, Sendable {
    /// The entries, oldest first.
    var entries: [String] { get }
    /// Forgets every entry.
    func clear()
}

/// The script being run, lent by the app's batch runner: builtins that take the following lines as their input
/// (wscat's frames, a heredoc-less `read`) read them from here.
public protocol ScriptLineSource: AnyObject, Sendable {
    /// The next unread line, nil at the end.
    func nextScriptLine() -> String?
    /// Gives back a line ``nextScriptLine()`` returned: the next call returns it again (lines given back come out
    /// last given, first returned). wscat gives back the shell command that ended its frames.
    func unread(_ line: String)
}
