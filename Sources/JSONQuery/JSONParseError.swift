/// Invalid JSON text, located twice: with jq's wording and position (`Unfinished JSON term at EOF at line 2,
/// column 0`) for jq's own messages, and by byte offset with plain words (`trailing comma before }`) for a caret
/// under the offending character (wscat's frames).
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// jq's message without the position.
    public var reason: String
    /// The 1-based line of the position jq reports.
    public var line: Int
    /// The column jq reports (bytes since the last newline, counting the byte that showed the error).
    public var column: Int
    /// True when the input ended inside a value.
    public var atEnd: Bool
    /// The byte offset in the whole input of the first byte that is not JSON (the input's length when it ended too
    /// soon): where a caret points. jq's position is often later (it reports the end of the offending token).
    public var offset: Int
    /// What is wrong at `offset`, in plain words: `trailing comma before }`, `strings need double quotes`.
    public var explanation: String

    /// An error at jq's position; `offset` and `explanation` default to the end of the input and jq's reason.
    public init(
        reason: String, line: Int, column: Int, atEnd: Bool, offset: Int = 0, explanation: String? = nil
    ) {
        self.reason = reason
        self.line = line
        self.column = column
        self.atEnd = atEnd
        self.offset = offset
        self.explanation = explanation ?? reason
    }

    /// The message as jq prints it after `jq: parse error: `.
    public var description: String {
        "\(reason)\(atEnd ? " at EOF" : "") at line \(line), column \(column)"
    }
}
