/// A shell word: the parts it was written as, in order (`'"'$VAR'"'` is three parts of one word).
public struct Word: Sendable, Hashable {
    /// The parts, in source order.
    public var parts: [WordPart]
    /// Where the word is in the source.
    public var range: SourceRange

    /// Creates a word.
    public init(parts: [WordPart], range: SourceRange) {
        self.parts = parts
        self.range = range
    }

    /// The word's text when it is made only of unquoted literal characters (used for reserved words and names).
    public var literalText: String? {
        var text = ""
        for part in parts {
            guard case .literal(let value) = part else { return nil }
            text += value
        }
        return text
    }

    /// True when any part is quoted or escaped (a quoted heredoc delimiter disables expansion).
    public var hasQuotes: Bool {
        parts.contains { part in
            switch part {
            case .singleQuoted, .doubleQuoted, .escaped: true
            default: false
            }
        }
    }
}

/// One piece of a word.
///
/// Only `parameterExpansion` is boxed (`indirect`): the other payloads are strings and arrays, so a part sits inline
/// in its word's array instead of costing an allocation of its own (parsing is allocation-bound).
public enum WordPart: Sendable, Hashable {
    /// Unquoted text: subject to field splitting (after expansion) and pathname expansion.
    case literal(String)
    /// A backslash-escaped character outside quotes: taken literally, never split or globbed.
    case escaped(String)
    /// `'…'`: taken literally.
    case singleQuoted(String)
    /// `"…"`: expansions inside, but no field splitting or globbing.
    case doubleQuoted([WordPart])
    /// `$NAME`, `$1`, `$?`, `$$`, `$#`, `$@`, `$*`: a simple parameter.
    case parameter(String)
    /// `${…}`: a parameter with an optional operator.
    indirect case parameterExpansion(ParameterExpansion)
    /// `$(…)` or `` `…` ``: command substitution, parsed when the word was parsed.
    case commandSubstitution(Script, CommandSubstitutionStyle)
    /// `$((…))`: arithmetic expansion, kept as source text and evaluated at run time.
    case arithmetic(String)
    /// `~` or `~user` at the start of a word.
    case tilde(String)
}

/// How a command substitution was written, so printing keeps the user's form.
public enum CommandSubstitutionStyle: Sendable, Hashable {
    /// `$(…)`.
    case dollarParen
    /// `` `…` ``.
    case backtick
}

/// `${name}`, `${name:-word}`, `${#name}` and the other POSIX forms.
public struct ParameterExpansion: Sendable, Hashable {
    /// The parameter name (`HOME`, `1`, `?`, `@`).
    public var name: String
    /// What to do with the value.
    public var operation: Operation

    /// Creates an expansion.
    public init(name: String, operation: Operation) {
        self.name = name
        self.operation = operation
    }

    /// The operator of a `${…}` expansion.
    public enum Operation: Sendable, Hashable {
        /// `${name}`.
        case plain
        /// `${#name}`.
        case length
        /// `${name:-word}` (colon: also when empty) or `${name-word}`.
        case useDefault(Word, colon: Bool)
        /// `${name:=word}` or `${name=word}`.
        case assignDefault(Word, colon: Bool)
        /// `${name:+word}` or `${name+word}`.
        case useAlternative(Word, colon: Bool)
        /// `${name:?word}` or `${name?word}`.
        case errorIfUnset(Word, colon: Bool)
        /// `${name#pattern}` (longest: `##`).
        case removePrefix(Word, longest: Bool)
        /// `${name%pattern}` (longest: `%%`).
        case removeSuffix(Word, longest: Bool)
    }
}
