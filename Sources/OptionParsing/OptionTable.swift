/// Everything a command knows about its options: their definitions, the argv conventions it follows, and how
/// it words a usage error. The parser, the help and the error text all come from this one table.
///
/// ```swift
/// let table = OptionTable("read", options: [
///     OptionDefinition(["-r"], help: "do not treat backslashes as escapes"),
///     OptionDefinition(["-p"], .required, placeholder: "PROMPT", help: "print PROMPT first"),
/// ], syntax: .posix)
/// var parser = table.parser(for: arguments)
/// while let argument = try parser.next() { … }
/// ```
public struct OptionTable: Sendable {
    /// How a command words a usage error: the whole text for standard error, newline included.
    public typealias Wording = @Sendable (UsageError) -> String

    /// The command's name, for the default wording.
    public let command: String
    /// The options, in the order the help lists them.
    public let options: [OptionDefinition]
    public let syntax: OptionSyntax
    /// Renders a usage error the way the real tool does.
    public let wording: Wording

    public init(
        _ command: String, options: [OptionDefinition], syntax: OptionSyntax = OptionSyntax(),
        wording: Wording? = nil
    ) {
        self.command = command
        self.options = options
        self.syntax = syntax
        self.wording = wording ?? { error in "\(command): \(error.defaultMessage)\n" }
    }

    /// A parser over `arguments` (without the command name).
    public func parser(for arguments: [String]) -> OptionParser {
        OptionParser(table: self, arguments: arguments)
    }

    /// Every option and operand of `arguments`, in order.
    public func parse(_ arguments: [String]) throws(UsageError) -> [ParsedArgument] {
        var parser = parser(for: arguments)
        var parsed: [ParsedArgument] = []
        while let argument = try parser.next() { parsed.append(argument) }
        return parsed
    }

    /// Only the operands of `arguments`, for commands whose options are flags they can ignore or check apart.
    public func operands(of arguments: [String]) throws(UsageError) -> [String] {
        try parse(arguments).compactMap { argument in
            if case .operand(let word) = argument { word } else { nil }
        }
    }

    /// What the command prints on standard error for `error`.
    public func message(for error: UsageError) -> String {
        wording(error)
    }

    /// The option whose short name is `letter`.
    func index(ofShort letter: Character) -> Int? {
        options.firstIndex { $0.hasShortName(letter) }
    }

    /// The option whose long name is `name`, or (with abbreviations) the only one `name` is a prefix of.
    func index(ofLong name: String, spelling: String, word: String) throws(UsageError) -> Int? {
        if let exact = options.firstIndex(where: { $0.hasLongName(name) }) { return exact }
        guard syntax.abbreviatesLongNames, !name.isEmpty else { return nil }
        let candidates = options.indices.filter { index in options[index].longNames.contains { $0.hasPrefix(name) } }
        if candidates.count > 1 {
            throw UsageError(
                .ambiguousOption(candidates: candidates.map { options[$0].name }), spelling: spelling, word: word)
        }
        return candidates.first
    }
}

extension UsageError {
    /// A plain one-line wording, for commands that do not imitate another tool: `-x: unknown option`.
    public var defaultMessage: String {
        switch kind {
        case .unknownOption: "\(spelling): unknown option"
        case .ambiguousOption(let candidates): "\(spelling): ambiguous option (\(candidates.joined(separator: ", ")))"
        case .missingValue: "\(spelling): missing value"
        case .unexpectedValue: "\(spelling): takes no value"
        case .negatedValueOption: "\(spelling): only a flag can be turned off with --no-"
        case .invalid(let message): message
        }
    }
}
