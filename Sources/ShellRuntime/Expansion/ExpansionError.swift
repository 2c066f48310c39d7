import ShellSyntax

/// A failure while expanding a word (`${x:?msg}`, `set -u`, bad arithmetic): the command does not run.
public struct ExpansionError: Error, Sendable, CustomStringConvertible {
    /// A lower-case sentence naming the offending value.
    public var message: String
    /// The status the failed command gets.
    public var status: ExitStatus
    /// True when a non-interactive shell must stop (POSIX: `${x:?}`, `set -u`).
    public var isFatal: Bool
    /// The word that failed, in the source the running command came from (the report shows it with a caret).
    public var range: SourceRange?

    /// Creates an error.
    public init(_ message: String, status: ExitStatus = .failure, isFatal: Bool = false, range: SourceRange? = nil) {
        self.message = message
        self.status = status
        self.isFatal = isFatal
        self.range = range
    }

    /// The error pointing at `word` unless it already points at a word inside it.
    func located(at word: Word) -> ExpansionError {
        var copy = self
        if copy.range == nil { copy.range = word.range }
        return copy
    }

    public var description: String { message }
}
