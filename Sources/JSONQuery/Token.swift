/// One lexical token of a jq program.
struct Token: Equatable {
    enum Kind: Equatable {
        case identifier(String)
        case keyword(String)
        case field(String)
        case variable(String)
        case number(JSONValue)
        case string([StringToken])
        case format(String)
        case punctuation(String)
        case end
    }

    /// A piece of a string literal: text, or the tokens of an interpolation `\(…)`.
    enum StringToken: Equatable {
        case text(String)
        case interpolation([Token])
    }

    var kind: Kind
    /// Byte offset of the token in the program text.
    var offset: Int
    /// Byte length of the token.
    var length: Int
}
