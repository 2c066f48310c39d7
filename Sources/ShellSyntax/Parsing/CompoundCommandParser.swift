/// `if`, `for`, `while`/`until` and `case` (POSIX 2.9.4).
extension Parser {
    mutating func parseIf(start: Int) throws(SyntaxError) -> IfClause {
        consumeWord()
        var branches: [ConditionalBranch] = []
        var elseBody: Script?
        while true {
            let condition = try parseNonEmptyScript(stopWords: ["then"])
            try expectReservedWord("then", toClose: "if", openedAt: start)
            let body = try parseNonEmptyScript(stopWords: ["elif", "else", "fi"])
            branches.append(ConditionalBranch(condition: condition, body: body))
            skipSeparatorsAndComments()
            switch peekReservedWord() {
            case "elif":
                consumeWord()
                continue
            case "else":
                consumeWord()
                elseBody = try parseNonEmptyScript(stopWords: ["fi"])
            default: break
            }
            try expectReservedWord("fi", toClose: "if", openedAt: start)
            return IfClause(branches: branches, elseBody: elseBody)
        }
    }

    /// A compound list that must hold a command (POSIX; bash: "syntax error near unexpected token"): `then fi`
    /// or `do done` is an error at the keyword, unless the input simply ends there (more lines may follow).
    mutating func parseNonEmptyScript(stopWords: Set<String>) throws(SyntaxError) -> Script {
        let script = try parseScript(stopWords: stopWords)
        if script.items.isEmpty && !isAtEnd {
            let word = peekReservedWord() ?? text(position..<min(position + 1, limit))
            throw SyntaxError(
                "unexpected `\(word)`: a command is needed before it",
                at: SourceRange(start: position, end: position + max(word.utf8.count, 1)))
        }
        return script
    }

    mutating func parseFor(start: Int) throws(SyntaxError) -> ForLoop {
        consumeWord()
        skipBlanks()
        let nameStart = position
        guard let nameWord = try parseWord(), let name = nameWord.literalText, Parser.isValidName(name) else {
            if isAtEnd {
                throw SyntaxError("expected a variable name after `for`", at: point(start), isIncomplete: true)
            }
            throw SyntaxError("expected a variable name after `for`", at: range(from: nameStart))
        }
        var words: [Word]?
        skipLineBreaks()
        if peekReservedWord() == "in" {
            consumeWord()
            var list: [Word] = []
            while true {
                skipBlanks()
                guard let byte = peek(), !ByteClass.isMeta(byte) else { break }
                guard let word = try parseWord() else { break }
                list.append(word)
            }
            words = list
        }
        skipBlanks()
        if peek() == ByteClass.semicolon { position += 1 }
        skipLineBreaks()
        try expectReservedWord("do", toClose: "for", openedAt: start)
        let body = try parseNonEmptyScript(stopWords: ["done"])
        try expectReservedWord("done", toClose: "for", openedAt: start)
        return ForLoop(name: name, words: words, body: body)
    }

    mutating func parseWhile(start: Int) throws(SyntaxError) -> WhileLoop {
        let keyword = peekReservedWord() ?? "while"
        consumeWord()
        let condition = try parseNonEmptyScript(stopWords: ["do"])
        try expectReservedWord("do", toClose: keyword, openedAt: start)
        let body = try parseNonEmptyScript(stopWords: ["done"])
        try expectReservedWord("done", toClose: keyword, openedAt: start)
        return WhileLoop(condition: condition, body: body, isUntil: keyword == "until")
    }

    mutating func parseCase(start: Int) throws(SyntaxError) -> CaseClause {
        consumeWord()
        skipBlanks()
        guard let word = try parseWord() else {
            throw SyntaxError("expected a word after `case`", at: point(start), isIncomplete: isAtEnd)
        }
        skipLineBreaks()
        try expectReservedWord("in", toClose: "case", openedAt: start)
        var arms: [CaseArm] = []
        while true {
            skipSeparatorsAndComments()
            if peekReservedWord() == "esac" { break }
            guard !isAtEnd else {
                throw SyntaxError("expected `esac` to close `case`", at: point(start), isIncomplete: true)
            }
            if peek() == ByteClass.openParen { position += 1 }
            var patterns: [Word] = []
            while true {
                skipBlanks()
                guard let pattern = try parseWord(mode: .pattern) else { throw unexpectedTokenError() }
                patterns.append(pattern)
                skipBlanks()
                if peek() == ByteClass.pipe {
                    position += 1
                    continue
                }
                break
            }
            guard peek() == ByteClass.closeParen else { throw unexpectedTokenError() }
            position += 1
            let body = try parseScript(stopWords: ["esac"])
            arms.append(CaseArm(patterns: patterns, body: body))
            skipSeparatorsAndComments()
            if peek() == ByteClass.semicolon && peek(1) == ByteClass.semicolon {
                position += 2
                continue
            }
            break
        }
        try expectReservedWord("esac", toClose: "case", openedAt: start)
        return CaseClause(word: word, arms: arms)
    }

    mutating func expectReservedWord(_ word: String, toClose opener: String, openedAt start: Int) throws(SyntaxError) {
        skipSeparatorsAndComments()
        if peekReservedWord() == word {
            consumeWord()
            return
        }
        if isAtEnd {
            throw SyntaxError(
                "expected `\(word)` to close `\(opener)`",
                at: SourceRange(start: start, end: start + opener.utf8.count), isIncomplete: true)
        }
        throw unexpectedTokenError(expected: word)
    }
}
