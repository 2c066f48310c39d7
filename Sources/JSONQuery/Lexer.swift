/// Splits a jq program into tokens; string literals carry their interpolations as nested tokens.
struct Lexer {
    private let bytes: [UInt8]
    private var offset = 0

    static let keywords: Set<String> = [
        "def", "if", "then", "elif", "else", "end", "as", "reduce", "foreach", "try", "catch", "label",
        "import", "include", "module", "and", "or", "__loc__",
    ]

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// Every token of the program, ending with `.end`.
    static func tokenize(_ source: String) throws(QueryCompileError) -> [Token] {
        var lexer = Lexer(source)
        var tokens = try lexer.lex(untilCloseParen: false)
        tokens.append(Token(kind: .end, offset: lexer.bytes.count, length: 0))
        return tokens
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
    }

    private static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= 48 && byte <= 57)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        offset + ahead < bytes.count ? bytes[offset + ahead] : nil
    }

    private mutating func lex(untilCloseParen: Bool) throws(QueryCompileError) -> [Token] {
        var tokens: [Token] = []
        var depth = 0
        while true {
            skipSpaceAndComments()
            guard let byte = peek() else {
                if untilCloseParen {
                    throw QueryCompileError(message: "syntax error, unexpected end of file", offset: bytes.count)
                }
                return tokens
            }
            let start = offset
            if untilCloseParen {
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") {
                    if depth == 0 {
                        offset += 1
                        return tokens
                    }
                    depth -= 1
                }
            }
            let kind: Token.Kind
            if byte == UInt8(ascii: "\"") {
                kind = .string(try lexString())
            } else if byte == UInt8(ascii: ".") && peek(1).map(Self.isIdentifierStart) == true {
                offset += 1
                kind = .field(readIdentifier())
            } else if Self.isDigit(byte) || (byte == UInt8(ascii: ".") && peek(1).map(Self.isDigit) == true) {
                kind = .number(try lexNumber())
            } else if Self.isIdentifierStart(byte) {
                let name = readIdentifier(allowModules: true)
                kind = Self.keywords.contains(name) ? .keyword(name) : .identifier(name)
            } else if byte == UInt8(ascii: "$") && peek(1).map(Self.isIdentifierStart) == true {
                offset += 1
                kind = .variable(readIdentifier(allowModules: true))
            } else if byte == UInt8(ascii: "@") && peek(1).map(Self.isIdentifierStart) == true {
                offset += 1
                kind = .format(readIdentifier())
            } else if let punctuation = readPunctuation() {
                kind = .punctuation(punctuation)
            } else {
                throw QueryCompileError(
                    message: "syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?)",
                    offset: start)
            }
            tokens.append(Token(kind: kind, offset: start, length: offset - start))
        }
    }

    private mutating func skipSpaceAndComments() {
        while let byte = peek() {
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                offset += 1
            } else if byte == UInt8(ascii: "#") {
                while let next = peek(), next != 0x0A { offset += 1 }
            } else {
                return
            }
        }
    }

    private mutating func readIdentifier(allowModules: Bool = false) -> String {
        let start = offset
        while let byte = peek() {
            if Self.isIdentifierPart(byte) {
                offset += 1
            } else if allowModules && byte == UInt8(ascii: ":") && peek(1) == UInt8(ascii: ":")
                && peek(2).map(Self.isIdentifierStart) == true
            {
                offset += 2
            } else {
                break
            }
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private static let punctuations = [
        "?//=", "?//", "//=", "|=", "+=", "-=", "*=", "/=", "%=", "==", "!=", "<=", ">=", "//", "..", ".", "[", "]",
        "{", "}", "(", ")", "|", ",", ":", ";", "=", "<", ">", "+", "-", "*", "/", "%", "?",
    ].map { Array($0.utf8) }

    private mutating func readPunctuation() -> String? {
        for candidate in Self.punctuations where offset + candidate.count <= bytes.count {
            if bytes[offset..<offset + candidate.count].elementsEqual(candidate) {
                offset += candidate.count
                return String(decoding: candidate, as: UTF8.self)
            }
        }
        return nil
    }

    private mutating func lexNumber() throws(QueryCompileError) -> JSONValue {
        let start = offset
        while let byte = peek(), Self.isDigit(byte) { offset += 1 }
        if peek() == UInt8(ascii: ".") {
            offset += 1
            while let byte = peek(), Self.isDigit(byte) { offset += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            let save = offset
            offset += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { offset += 1 }
            if let byte = peek(), Self.isDigit(byte) {
                while let byte = peek(), Self.isDigit(byte) { offset += 1 }
            } else {
                offset = save
            }
        }
        var text = Array(bytes[start..<offset])
        if text.first == UInt8(ascii: ".") { text.insert(UInt8(ascii: "0"), at: 0) }
        if let dot = text.firstIndex(of: UInt8(ascii: ".")), dot + 1 == text.count || !Self.isDigit(text[dot + 1]) {
            text.insert(UInt8(ascii: "0"), at: dot + 1)
        }
        guard let value = NumberFormat.value(forLiteral: text) else {
            throw QueryCompileError(message: "syntax error, invalid number", offset: start, length: offset - start)
        }
        return value
    }

    private mutating func lexString() throws(QueryCompileError) -> [Token.StringToken] {
        let start = offset
        offset += 1
        var parts: [Token.StringToken] = []
        var text: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw QueryCompileError(
                    message:
                        "syntax error, unexpected end of file, expecting QQSTRING_TEXT or QQSTRING_INTERP_START or QQSTRING_END (Unix shell quoting issues?)",
                    offset: start, length: offset - start)
            }
            offset += 1
            if byte == UInt8(ascii: "\"") { break }
            guard byte == UInt8(ascii: "\\") else {
                text.append(byte)
                continue
            }
            guard let escape = peek() else { continue }
            offset += 1
            switch escape {
            case UInt8(ascii: "("):
                if !text.isEmpty {
                    parts.append(.text(String(decoding: text, as: UTF8.self)))
                    text = []
                }
                var inner = try lex(untilCloseParen: true)
                inner.append(Token(kind: .end, offset: offset - 1, length: 1))
                parts.append(.interpolation(inner))
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "u"):
                var unit: UInt32 = 0
                for _ in 0..<4 {
                    guard let hex = peek(), let digit = Self.hexValue(hex) else {
                        throw QueryCompileError(message: "syntax error, invalid escape", offset: offset - 2)
                    }
                    unit = unit << 4 | digit
                    offset += 1
                }
                if unit >= 0xD800 && unit < 0xDC00 && peek() == UInt8(ascii: "\\") && peek(1) == UInt8(ascii: "u") {
                    let save = offset
                    offset += 2
                    var low: UInt32 = 0
                    var valid = true
                    for _ in 0..<4 {
                        guard let hex = peek(), let digit = Self.hexValue(hex) else {
                            valid = false
                            break
                        }
                        low = low << 4 | digit
                        offset += 1
                    }
                    if valid && low >= 0xDC00 && low < 0xE000 {
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        offset = save
                    }
                }
                let scalar = Unicode.Scalar(unit) ?? "\u{FFFD}"
                text.append(contentsOf: String(Character(scalar)).utf8)
            default:
                // jq parses each escape as a JSON string and reports that parser's words.
                let escaped = String(decoding: [0x5C, escape], as: UTF8.self)
                throw QueryCompileError(
                    message: "Invalid escape at line 1, column 4 (while parsing '\"\(escaped)\"')", offset: offset - 2,
                    length: 2)
            }
        }
        if !text.isEmpty || parts.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
        return parts
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 48...57: UInt32(byte - 48)
        case 65...70: UInt32(byte - 55)
        case 97...102: UInt32(byte - 87)
        default: nil
        }
    }
}
