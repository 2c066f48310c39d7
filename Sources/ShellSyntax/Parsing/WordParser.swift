/// Word parsing: quotes, escapes, `$…` expansions, backticks and tildes (POSIX 2.2, 2.6).
extension Parser {
    /// Where a word is being read; decides which characters end it.
    enum WordMode {
        /// An ordinary word: ends at a blank or operator character.
        case unquoted
        /// The operand of `${name:-…}`: ends at the matching `}`; blanks are literal.
        case braceOperand(inDoubleQuotes: Bool)
        /// A `case` pattern: also ends at `|` and `)` (already operators).
        case pattern
    }

    /// Reads one word at the current position, or returns nil if the next character cannot start one.
    mutating func parseWord(mode: WordMode = .unquoted) throws(SyntaxError) -> Word? {
        let start = position
        var parts: [WordPart] = []
        parts.reserveCapacity(Parser.typicalPartCount)
        var literal = LiteralRun()

        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal.take(from: bytes))) }
        }

        // `~` starts a word, and the operand of `${u:-~}` outside double quotes.
        if peek() == ByteClass.tilde {
            switch mode {
            case .unquoted:
                if let tilde = parseTildePrefix() { parts.append(tilde) }
            case .braceOperand(inDoubleQuotes: false):
                if let tilde = parseTildePrefix(inBraceOperand: true) { parts.append(tilde) }
            default:
                break
            }
        }

        loop: while let byte = peek() {
            switch mode {
            case .unquoted, .pattern:
                if ByteClass.isMeta(byte) { break loop }
            case .braceOperand:
                if byte == ByteClass.closeBrace { break loop }
            }
            switch byte {
            case ByteClass.backslash:
                guard let next = peek(1) else {
                    throw SyntaxError("a backslash ends the input", at: point(position), isIncomplete: true)
                }
                if next == ByteClass.newline {
                    position += 2  // line continuation
                    continue
                }
                if case .braceOperand(inDoubleQuotes: true) = mode, !Parser.isDoubleQuoteEscapable(next),
                    next != ByteClass.closeBrace
                {
                    literal.append(at: position, in: bytes)
                    position += 1
                    continue
                }
                flush()
                let length = Parser.utf8Length(of: next)
                parts.append(.escaped(text(position + 1..<min(position + 1 + length, limit))))
                position += 1 + length
            case ByteClass.singleQuote:
                if case .braceOperand(inDoubleQuotes: true) = mode {
                    literal.append(at: position, in: bytes)
                    position += 1
                    continue
                }
                flush()
                parts.append(try parseSingleQuoted())
            case ByteClass.doubleQuote:
                flush()
                parts.append(try parseDoubleQuoted())
            case ByteClass.dollar:
                if let part = try parseDollar(inDoubleQuotes: false) {
                    flush()
                    parts.append(part)
                } else {
                    literal.append(at: position, in: bytes)
                    position += 1
                }
            case ByteClass.backtick:
                flush()
                parts.append(try parseBacktick(inDoubleQuotes: false))
            default:
                let runStart = position
                position = firstOffset(from: position + 1) { Parser.isSpecialInWord($0, mode: mode) }
                literal.append(runStart..<position, in: bytes)
            }
        }
        flush()
        if position == start { return nil }
        return Word(parts: parts, range: range(from: start))
    }

    /// `~` or `~user` at the start of a word, when followed by `/` or the end of the word (or of the operand: `}`).
    mutating func parseTildePrefix(inBraceOperand: Bool = false) -> WordPart? {
        var end = position + 1
        while end < limit {
            let byte = bytes[end]
            if byte == ByteClass.slash || (inBraceOperand ? byte == ByteClass.closeBrace : ByteClass.isMeta(byte)) {
                break
            }
            guard ByteClass.isNameChar(byte) || byte == UInt8(ascii: ".") || byte == ByteClass.minus else { return nil }
            end += 1
        }
        let user = text(position + 1..<end)
        position = end
        return .tilde(user)
    }

    /// `'…'`, starting at the opening quote.
    mutating func parseSingleQuoted() throws(SyntaxError) -> WordPart {
        let start = position
        position += 1
        while let byte = peek(), byte != ByteClass.singleQuote {
            position += 1
        }
        guard peek() == ByteClass.singleQuote else {
            throw SyntaxError("unterminated single quote", at: point(start), isIncomplete: true)
        }
        let value = text(start + 1..<position)
        position += 1
        return .singleQuoted(value)
    }

    /// `"…"`, starting at the opening quote.
    mutating func parseDoubleQuoted() throws(SyntaxError) -> WordPart {
        let start = position
        position += 1
        let parts = try parseDoubleQuotedContent(until: ByteClass.doubleQuote, openedAt: start)
        guard peek() == ByteClass.doubleQuote else {
            throw SyntaxError("unterminated double quote", at: point(start), isIncomplete: true)
        }
        position += 1
        return .doubleQuoted(parts)
    }

    /// The inside of double quotes or of an unquoted heredoc body: expansions and `\` before `$ \` " \\ newline`.
    mutating func parseDoubleQuotedContent(until terminator: UInt8?, openedAt start: Int) throws(SyntaxError)
        -> [WordPart]
    {
        var parts: [WordPart] = []
        parts.reserveCapacity(Parser.typicalPartCount)
        var literal = LiteralRun()
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal.take(from: bytes))) }
        }
        while let byte = peek(), byte != terminator {
            switch byte {
            case ByteClass.backslash:
                // In a heredoc body (no terminator) `\"` keeps its backslash, as in bash.
                if let next = peek(1), Parser.isDoubleQuoteEscapable(next),
                    !(terminator == nil && next == ByteClass.doubleQuote)
                {
                    if next != ByteClass.newline { literal.append(at: position + 1, in: bytes) }
                    position += 2
                } else {
                    literal.append(at: position, in: bytes)
                    position += 1
                }
            case ByteClass.dollar:
                if let part = try parseDollar(inDoubleQuotes: true) {
                    flush()
                    parts.append(part)
                } else {
                    literal.append(at: position, in: bytes)
                    position += 1
                }
            case ByteClass.backtick:
                flush()
                parts.append(try parseBacktick(inDoubleQuotes: true))
            default:
                let runStart = position
                position = firstOffset(from: position + 1) { $0 == terminator || Parser.isSpecialInDoubleQuotes($0) }
                literal.append(runStart..<position, in: bytes)
            }
        }
        flush()
        return parts
    }

    /// Bytes that end a run of plain characters in a word: quotes, `\`, `$`, `` ` `` and whatever ends the word.
    static func isSpecialInWord(_ byte: UInt8, mode: WordMode) -> Bool {
        switch byte {
        case ByteClass.backslash, ByteClass.singleQuote, ByteClass.doubleQuote, ByteClass.dollar, ByteClass.backtick:
            return true
        default:
            switch mode {
            case .unquoted, .pattern: return ByteClass.isMeta(byte)
            case .braceOperand: return byte == ByteClass.closeBrace
            }
        }
    }

    /// Bytes that end a run of plain characters inside double quotes (besides the closing quote).
    static func isSpecialInDoubleQuotes(_ byte: UInt8) -> Bool {
        byte == ByteClass.backslash || byte == ByteClass.dollar || byte == ByteClass.backtick
    }

    static func isDoubleQuoteEscapable(_ byte: UInt8) -> Bool {
        byte == ByteClass.dollar || byte == ByteClass.backtick || byte == ByteClass.doubleQuote
            || byte == ByteClass.backslash || byte == ByteClass.newline
    }

    static func utf8Length(of leadByte: UInt8) -> Int {
        switch leadByte {
        case 0xF0...0xF7: 4
        case 0xE0...0xEF: 3
        case 0xC0...0xDF: 2
        default: 1
        }
    }

    /// `$NAME`, `${…}`, `$(…)`, `$((…))`; nil when the `$` is literal (followed by nothing expandable).
    mutating func parseDollar(inDoubleQuotes: Bool) throws(SyntaxError) -> WordPart? {
        let start = position
        guard let next = peek(1) else { return nil }
        if next == ByteClass.openParen {
            if peek(2) == ByteClass.openParen {
                return try parseArithmetic(start: start)
            }
            position += 2
            try enterNesting(at: start)
            let script = try parseScript(stopWords: [])
            depth -= 1
            skipSeparatorsAndComments()
            guard peek() == ByteClass.closeParen else {
                if isAtEnd {
                    throw SyntaxError("unterminated command substitution", at: point(start), isIncomplete: true)
                }
                throw unexpectedTokenError()
            }
            position += 1
            return .commandSubstitution(script, .dollarParen)
        }
        if next == ByteClass.openBrace {
            return try parseBracedParameter(start: start, inDoubleQuotes: inDoubleQuotes)
        }
        if ByteClass.isNameStart(next) {
            var end = start + 2
            while end < limit, ByteClass.isNameChar(bytes[end]) { end += 1 }
            position = end
            return .parameter(text(start + 1..<end))
        }
        if ByteClass.isDigit(next) || ByteClass.isSpecialParameter(next) {
            position += 2
            return .parameter(String(UnicodeScalar(next)))
        }
        return nil
    }

    /// `$((expression))`, kept as text.
    mutating func parseArithmetic(start: Int) throws(SyntaxError) -> WordPart {
        position += 3
        let bodyStart = position
        var parens = 0
        while let byte = peek() {
            if byte == ByteClass.openParen {
                parens += 1
            } else if byte == ByteClass.closeParen {
                if parens == 0 {
                    guard peek(1) == ByteClass.closeParen else {
                        throw SyntaxError("expected `))` to close `$((`", at: point(position))
                    }
                    let body = text(bodyStart..<position)
                    position += 2
                    return .arithmetic(body)
                }
                parens -= 1
            }
            position += 1
        }
        throw SyntaxError("unterminated arithmetic expansion", at: point(start), isIncomplete: true)
    }

    /// `${name}`, `${#name}`, `${name:-word}` and friends.
    mutating func parseBracedParameter(start: Int, inDoubleQuotes: Bool) throws(SyntaxError) -> WordPart {
        try enterNesting(at: start)
        defer { depth -= 1 }
        position += 2
        var isLength = false
        if peek() == ByteClass.hash, let after = peek(1), after != ByteClass.closeBrace {
            isLength = true
            position += 1
        }
        let nameStart = position
        if let byte = peek(), ByteClass.isNameStart(byte) {
            while let byte = peek(), ByteClass.isNameChar(byte) { position += 1 }
        } else if let byte = peek(), ByteClass.isDigit(byte) {
            while let byte = peek(), ByteClass.isDigit(byte) { position += 1 }
        } else if let byte = peek(), ByteClass.isSpecialParameter(byte) {
            position += 1
        }
        let name = text(nameStart..<position)
        guard !name.isEmpty else {
            if isAtEnd { throw SyntaxError("unterminated `${`", at: point(start), isIncomplete: true) }
            throw SyntaxError("bad substitution", at: SourceRange(start: start, end: position + 1))
        }
        if isLength {
            try expectClosingBrace(start: start)
            return .parameterExpansion(ParameterExpansion(name: name, operation: .length))
        }
        guard let byte = peek() else {
            throw SyntaxError("unterminated `${`", at: point(start), isIncomplete: true)
        }
        if byte == ByteClass.closeBrace {
            position += 1
            return .parameterExpansion(ParameterExpansion(name: name, operation: .plain))
        }
        var colon = false
        if byte == ByteClass.colon {
            colon = true
            position += 1
        }
        guard let op = peek() else {
            throw SyntaxError("unterminated `${`", at: point(start), isIncomplete: true)
        }
        let operation: ParameterExpansion.Operation
        switch op {
        case ByteClass.minus, ByteClass.equals, UInt8(ascii: "+"), UInt8(ascii: "?"):
            position += 1
            let word = try parseBraceOperand(inDoubleQuotes: inDoubleQuotes)
            switch op {
            case ByteClass.minus: operation = .useDefault(word, colon: colon)
            case ByteClass.equals: operation = .assignDefault(word, colon: colon)
            case UInt8(ascii: "+"): operation = .useAlternative(word, colon: colon)
            default: operation = .errorIfUnset(word, colon: colon)
            }
        case ByteClass.hash, UInt8(ascii: "%"):
            guard !colon else {
                throw SyntaxError("bad substitution", at: SourceRange(start: start, end: position + 1))
            }
            position += 1
            let longest = peek() == op
            if longest { position += 1 }
            // A pattern's quotes are its own, even inside double quotes: `"${x#'a'}"` strips `a` (bash and dash).
            let word = try parseBraceOperand(inDoubleQuotes: false)
            operation =
                op == ByteClass.hash ? .removePrefix(word, longest: longest) : .removeSuffix(word, longest: longest)
        default:
            throw SyntaxError("bad substitution", at: SourceRange(start: start, end: position + 1))
        }
        try expectClosingBrace(start: start)
        return .parameterExpansion(ParameterExpansion(name: name, operation: operation))
    }

    mutating func parseBraceOperand(inDoubleQuotes: Bool) throws(SyntaxError) -> Word {
        let start = position
        return try parseWord(mode: .braceOperand(inDoubleQuotes: inDoubleQuotes))
            ?? Word(parts: [], range: SourceRange(start: start, end: start))
    }

    mutating func expectClosingBrace(start: Int) throws(SyntaxError) {
        guard peek() == ByteClass.closeBrace else {
            if isAtEnd { throw SyntaxError("unterminated `${`", at: point(start), isIncomplete: true) }
            throw SyntaxError("bad substitution", at: SourceRange(start: start, end: position + 1))
        }
        position += 1
    }

    /// `` `…` ``: the body is unescaped (`\\`, `` \` ``, `\$`) and parsed as a script right away, on its own (its ranges
    /// count from the body's first byte).
    mutating func parseBacktick(inDoubleQuotes: Bool) throws(SyntaxError) -> WordPart {
        let start = position
        position += 1
        let bodyStart = position
        var hasEscapes = false
        while true {
            position = firstOffset(from: position) { $0 == ByteClass.backtick || $0 == ByteClass.backslash }
            guard peek() == ByteClass.backslash else { break }
            if let next = peek(1), Parser.isBacktickEscapable(next, inDoubleQuotes) {
                hasEscapes = true
                position += 2
            } else {
                position += 1
            }
        }
        guard peek() == ByteClass.backtick else {
            throw SyntaxError("unterminated backtick", at: point(start), isIncomplete: true)
        }
        let bodyEnd = position
        if !inDoubleQuotes, let defect = strayBacktick(opening: start, closing: bodyEnd) { throw defect }
        position += 1
        // The source offset of each body byte, to map errors back; without escapes it is `bodyStart + index`.
        var offsets: [Int] = []
        var body: [UInt8]
        if hasEscapes {
            (body, offsets) = unescapedBacktickBody(bodyStart..<bodyEnd, inDoubleQuotes: inDoubleQuotes)
        } else {
            body = Array(bytes[bodyStart..<bodyEnd])
        }
        var inner = Parser(bytes: body)
        inner.depth = depth + 1
        do throws(SyntaxError) {
            let script = try inner.parseScript(stopWords: [])
            inner.skipSeparatorsAndComments()
            if !inner.isAtEnd { throw inner.unexpectedTokenError() }
            return .commandSubstitution(script, .backtick)
        } catch {
            func map(_ offset: Int) -> Int {
                guard hasEscapes else { return bodyStart + min(offset, body.count) }
                return offset < offsets.count ? offsets[offset] : (offsets.last.map { $0 + 1 } ?? start + 1)
            }
            let mappedStart = map(error.range.start)
            let mapped = SourceRange(start: mappedStart, end: max(mappedStart + 1, map(error.range.end)))
            // An incomplete construct inside a closed backtick can't be completed by more input.
            throw SyntaxError(error.message + " inside backticks", at: mapped, isIncomplete: false)
        }
    }

    /// `\\`, `` \` ``, `\$` (and `\"` inside double quotes) lose their backslash in a backtick body.
    static func isBacktickEscapable(_ byte: UInt8, _ inDoubleQuotes: Bool) -> Bool {
        byte == ByteClass.backtick || byte == ByteClass.dollar || byte == ByteClass.backslash
            || (inDoubleQuotes && byte == ByteClass.doubleQuote)
    }

    /// A backtick body with its escapes removed, and the source offset of each byte kept.
    func unescapedBacktickBody(_ range: Range<Int>, inDoubleQuotes: Bool) -> (body: [UInt8], offsets: [Int]) {
        var body: [UInt8] = []
        var offsets: [Int] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == ByteClass.backslash, index + 1 < range.upperBound,
                Parser.isBacktickEscapable(bytes[index + 1], inDoubleQuotes)
            {
                body.append(bytes[index + 1])
                offsets.append(index + 1)
                index += 2
            } else {
                body.append(byte)
                offsets.append(index)
                index += 1
            }
        }
        return (body, offsets)
    }
}
