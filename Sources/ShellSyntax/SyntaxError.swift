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

    /// Creates an error.
    public init(_ message: String, at range: SourceRange, isIncomplete: Bool = false) {
        self.message = message
        self.range = range
        self.isIncomplete = isIncomplete
    }

    public var description: String { "syntax error: \(message)" }
}
