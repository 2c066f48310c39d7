/// Byte classification for the shell's lexical rules (POSIX 2.3, 2.10.1).
enum ByteClass {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let backslash = UInt8(ascii: "\\")
    static let singleQuote = UInt8(ascii: "'")
    static let doubleQuote = UInt8(ascii: "\"")
    static let backtick = UInt8(ascii: "`")
    static let dollar = UInt8(ascii: "$")
    static let hash = UInt8(ascii: "#")
    static let tilde = UInt8(ascii: "~")
    static let slash = UInt8(ascii: "/")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let pipe = UInt8(ascii: "|")
    static let ampersand = UInt8(ascii: "&")
    static let semicolon = UInt8(ascii: ";")
    static let less = UInt8(ascii: "<")
    static let greater = UInt8(ascii: ">")
    static let equals = UInt8(ascii: "=")
    static let colon = UInt8(ascii: ":")
    static let minus = UInt8(ascii: "-")

    /// Blank characters that separate words.
    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab || byte == 0x0D }

    /// Characters that end an unquoted word.
    static func isMeta(_ byte: UInt8) -> Bool {
        switch byte {
        case space, tab, newline, pipe, ampersand, semicolon, openParen, closeParen, less, greater, 0x0D: true
        default: false
        }
    }

    /// First character of a variable name.
    static func isNameStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    /// Later characters of a variable name.
    static func isNameChar(_ byte: UInt8) -> Bool { isNameStart(byte) || isDigit(byte) }

    /// `0`–`9`.
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// Single-character special parameters: `$?`, `$$`, `$#`, `$@`, `$*`, `$!`, `$-`, `$0`.
    static func isSpecialParameter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "?"), dollar, hash, UInt8(ascii: "@"), UInt8(ascii: "*"), UInt8(ascii: "!"), minus: true
        default: false
        }
    }
}
