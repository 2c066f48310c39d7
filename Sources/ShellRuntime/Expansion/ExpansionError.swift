import ShellSyntax

/// A failure while expanding a word (`${x:?msg}`, `set -u`, bad arithmetic): the command does not run.
public struct ExpansionError: Error, Sendable, CustomStringConvertible {
    /// A lower-case sentence naming the offending value.
    public var message: String
    /// The status the failed command gets.
    public var status: ExitStatus
    /// True when a non-interactive shell must stop (POSIX: `${x:?}`, `set -u`).
    public var isFatal: Bool

    /// Creates an error.
    public init(_ message: String, status: ExitStatus = .failure, isFatal: Bool = false) {
        self.message = message
        self.status = status
        self.isFatal = isFatal
    }

    public var description: String { message }
}
