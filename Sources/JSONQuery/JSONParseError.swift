/// Invalid JSON text, with jq's wording and position (`Unfinished JSON term at EOF at line 2, column 0`).
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// jq's message without the position.
    public var reason: String
    /// The 1-based line of the position jq reports.
    public var line: Int
    /// The column jq reports (bytes since the last newline, counting the byte that showed the error).
    public var column: Int
    /// True when the input ended inside a value.
    public var atEnd: Bool

    /// The message as jq prints it after `jq: parse error: `.
    public var description: String {
        "\(reason)\(atEnd ? " at EOF" : "") at line \(line), column \(column)"
    }
}
