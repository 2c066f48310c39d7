/// One option as it was given on the command line.
public struct ParsedOption: Sendable, Equatable {
    /// Where its definition is in the table's `options`.
    public let index: Int
    /// The definition's `name` (`--connect`), whatever spelling was used.
    public let name: String
    /// The option as written, without an attached value: `-c`, `--conn`, `--no-silent`.
    public let spelling: String
    /// The values: none for a flag (or an `.optional` option given without one), one, or two for `.pair`.
    public let values: [String]
    /// `--no-NAME` or `+x` was given (only with `OptionSyntax.negatesLongFlags` or `.plusNegatesShortOptions`).
    public let isNegated: Bool

    public init(index: Int, name: String, spelling: String, values: [String], isNegated: Bool) {
        self.index = index
        self.name = name
        self.spelling = spelling
        self.values = values
        self.isNegated = isNegated
    }

    /// The first value.
    public var value: String? { values.first }
}

/// One element of a parsed command line, in the order given.
public enum ParsedArgument: Sendable, Equatable {
    case option(ParsedOption)
    case operand(String)
}
