/// Blanks, comments, line breaks and reserved-word lookahead.
extension Parser {
    /// Skips spaces, tabs and backslash-newline continuations.
    mutating func skipBlanks() {
        while let byte = peek() {
            if ByteClass.isBlank(byte) {
                position += 1
            } else if byte == ByteClass.backslash && peek(1) == ByteClass.newline {
                position += 2
            } else {
                break
            }
        }
    }

    /// Skips a `#` comment up to (not including) the newline.
    mutating func skipComment() {
        while let byte = peek(), byte != ByteClass.newline { position += 1 }
    }

    /// Skips blanks, comments and newlines (after `|`, `&&`, `||` and between commands).
    mutating func skipLineBreaks() {
        while true {
            skipBlanks()
            guard let byte = peek() else { return }
            if byte == ByteClass.hash {
                skipComment()
            } else if byte == ByteClass.newline {
                consumeNewline()
            } else {
                return
            }
        }
    }

    /// Same as `skipLineBreaks`; named for its use between list items.
    mutating func skipSeparatorsAndComments() { skipLineBreaks() }

    /// The reserved word at the current position, if the next word is one.
    func peekReservedWord() -> String? {
        // A reserved word is short and unquoted: the bytes up to the next blank or operator (or the end), no more
        // than the longest reserved word.
        var end = position
        while end < limit, end - position <= Parser.longestReservedWord, !ByteClass.isMeta(bytes[end]) { end += 1 }
        guard end > position, end - position <= Parser.longestReservedWord else { return nil }
        let word = text(position..<end)
        return Parser.reservedWords.contains(word) ? word : nil
    }

    /// Consumes the word at the current position (a reserved word already peeked).
    mutating func consumeWord() {
        while let byte = peek(), !ByteClass.isMeta(byte) { position += 1 }
    }

    /// An error describing the token at the current position.
    func unexpectedTokenError(expected: String? = nil) -> SyntaxError {
        guard let byte = peek() else {
            return SyntaxError("unexpected end of input", at: point(position), isIncomplete: true)
        }
        var token: String
        switch (byte, peek(1)) {
        case (ByteClass.semicolon, ByteClass.semicolon): token = ";;"
        case (ByteClass.ampersand, ByteClass.ampersand): token = "&&"
        case (ByteClass.pipe, ByteClass.pipe): token = "||"
        case (ByteClass.newline, _): token = "newline"
        default:
            if let word = peekReservedWord() {
                token = word
            } else if ByteClass.isMeta(byte) {
                token = String(UnicodeScalar(byte))
            } else {
                var end = position
                while end < limit, !ByteClass.isMeta(bytes[end]) { end += 1 }
                token = text(position..<end)
            }
        }
        let length = token == "newline" ? 1 : token.utf8.count
        let message =
            expected.map { "expected `\($0)` but found `\(token)`" }
            ?? (token == "newline" ? "unexpected newline" : "unexpected `\(token)`")
        return SyntaxError(message, at: SourceRange(start: position, end: position + length))
    }
}
