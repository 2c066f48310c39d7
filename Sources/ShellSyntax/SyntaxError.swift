/// A syntax error with the source range it points at. Holds data only; `DiagnosticRenderer` (ShellRuntime) renders
/// it.
public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A lower-case sentence (`unterminated double quote`).
    public var message: String
    /// Where the problem is.
    public var range: SourceRange
    /// True when more input could complete the text (open quote, trailing `|`, missing `fi`): the REPL
    /// then shows the PS2 prompt instead of reporting the error.
    public var isIncomplete: Bool
    /// True for a documentation page's known defect (``DocDefect``): the message explains it and offers the
    /// corrected command, so a pasted page can go on after it.
    public var isDocDefect: Bool

    /// Creates an error.
    public init(_ message: String, at range: SourceRange, isIncomplete: Bool = false, isDocDefect: Bool = false) {
        self.message = message
        self.range = range
        self.isIncomplete = isIncomplete
        self.isDocDefect = isDocDefect
    }

    public var description: String { "syntax error: \(message)" }
}
