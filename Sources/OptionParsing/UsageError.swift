/// A command line a command cannot accept, located at the word that is wrong.
///
/// The parser throws the kinds about option syntax; commands throw `.invalid` for values they reject. How it
/// reads is up to the command's `OptionTable.wording`, so each tool keeps its real tool's words.
public struct UsageError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// No option has this name.
        case unknownOption
        /// The abbreviation fits several long names (with `OptionSyntax.abbreviatesLongNames`).
        case ambiguousOption(candidates: [String])
        /// The option needs a value (two for `.pair`) and the words ran out.
        case missingValue
        /// A flag was given a value (`--raw=1`).
        case unexpectedValue
        /// `--no-NAME` for an option that is not a flag.
        case negatedValueOption
        /// The command rejects a value or an operand: the message says why.
        case invalid(String)
    }

    public let kind: Kind
    /// The option as written, without an attached value (`-Z`, `--bogus`), or the operand; empty when there
    /// is no word to blame (a missing operand).
    public let spelling: String
    /// The whole word it came from (`-sZ`, `--bogus=1`).
    public let word: String
    /// The definition's `name` when the option is known (`--wrap` for `--wr`).
    public let option: String?
    /// Whether the message ends with the tool's pointer to its help (jq leaves it out after an unreadable file).
    public var suggestsHelp = true

    public init(_ kind: Kind, spelling: String, word: String? = nil, option: String? = nil) {
        self.kind = kind
        self.spelling = spelling
        self.word = word ?? spelling
        self.option = option
    }

    /// A command's own complaint: `message` is the text after the command's name.
    public static func invalid(_ message: String, spelling: String = "", suggestsHelp: Bool = true) -> UsageError {
        var error = UsageError(.invalid(message), spelling: spelling)
        error.suggestsHelp = suggestsHelp
        return error
    }
}
