/// Command parsing: lists, and-or lists, pipelines, simple and compound commands, redirections (POSIX 2.9, 2.10).
extension Parser {
    static let reservedWords: Set<String> = [
        "if", "then", "elif", "else", "fi", "for", "in", "do", "done", "while", "until", "case", "esac", "{", "}", "!",
    ]
    /// The length of `while` and `until`: a longer word is not looked up.
    static let longestReservedWord = 5

    /// Parses and-or lists until the end, a `)`, `;;`, or a reserved word in `stopWords` at command position.
    mutating func parseScript(stopWords: Set<String>) throws(SyntaxError) -> Script {
        var items: [ListItem] = []
        while true {
            skipSeparatorsAndComments()
            guard let byte = peek(), byte != ByteClass.closeParen else { break }
            if byte == ByteClass.semicolon && peek(1) == ByteClass.semicolon { break }
            if !stopWords.isEmpty, let word = peekReservedWord(), stopWords.contains(word) { break }
            let andOr = try parseAndOr()
            skipBlanks()
            // A comment may follow any command, not only a simple one: `x=1 # c`, `fi # c`, `} # c`.
            if peek() == ByteClass.hash { skipComment() }
            var isBackground = false
            if peek() == ByteClass.ampersand && peek(1) != ByteClass.ampersand {
                isBackground = true
                position += 1
            } else if peek() == ByteClass.semicolon && peek(1) != ByteClass.semicolon {
                position += 1
            } else if let next = peek(), next != ByteClass.newline, next != ByteClass.closeParen,
                !(next == ByteClass.semicolon && peek(1) == ByteClass.semicolon)
            {
                if let word = peekReservedWord(), stopWords.contains(word) {
                    items.append(ListItem(andOr: andOr, isBackground: isBackground))
                    break
                }
                throw unexpectedTokenError()
            }
            items.append(ListItem(andOr: andOr, isBackground: isBackground))
        }
        return Script(items: items)
    }

    mutating func parseAndOr() throws(SyntaxError) -> AndOrList {
        let first = try parsePipeline()
        var rest: [(AndOrOperator, Pipeline)] = []
        while true {
            skipBlanks()
            let op: AndOrOperator
            if peek() == ByteClass.ampersand && peek(1) == ByteClass.ampersand {
                op = .and
            } else if peek() == ByteClass.pipe && peek(1) == ByteClass.pipe {
                op = .or
            } else {
                break
            }
            let operatorStart = position
            position += 2
            skipLineBreaks()
            guard !isAtEnd else {
                throw SyntaxError(
                    "missing command after `\(op.rawValue)`",
                    at: SourceRange(start: operatorStart, end: operatorStart + 2),
                    isIncomplete: true
                )
            }
            rest.append((op, try parsePipeline()))
        }
        return AndOrList(first: first, rest: rest)
    }

    mutating func parsePipeline() throws(SyntaxError) -> Pipeline {
        skipBlanks()
        let start = position
        var isNegated = false
        if peek() == UInt8(ascii: "!"), peekReservedWord() == "!" {
            isNegated = true
            position += 1
            skipBlanks()
        }
        var commands = [try parseCommand()]
        while true {
            skipBlanks()
            guard peek() == ByteClass.pipe, peek(1) != ByteClass.pipe else { break }
            let pipeStart = position
            position += 1
            skipLineBreaks()
            guard !isAtEnd else {
                throw SyntaxError("missing command after `|`", at: point(pipeStart), isIncomplete: true)
            }
            commands.append(try parseCommand())
        }
        return Pipeline(commands: commands, isNegated: isNegated, range: range(from: start))
    }

    mutating func parseCommand() throws(SyntaxError) -> Command {
        skipBlanks()
        let start = position
        try enterNesting(at: start)
        defer { depth -= 1 }
        if peek() == ByteClass.openParen {
            position += 1
            let body = try parseNonEmptyScript(stopWords: [])
            skipSeparatorsAndComments()
            guard peek() == ByteClass.closeParen else {
                if isAtEnd { throw SyntaxError("expected `)` to close `(`", at: point(start), isIncomplete: true) }
                throw unexpectedTokenError()
            }
            position += 1
            return .subshell(body, try parseTrailingRedirections())
        }
        switch peekReservedWord() {
        case "{":
            consumeWord()
            if let defect = braceWithoutCurl() { throw defect }
            let body = try parseNonEmptyScript(stopWords: ["}"])
            try expectReservedWord("}", toClose: "{", openedAt: start)
            return .group(body, try parseTrailingRedirections())
        case "if": return .ifClause(try parseIf(start: start), try parseTrailingRedirections())
        case "for": return .forLoop(try parseFor(start: start), try parseTrailingRedirections())
        case "while", "until": return .whileLoop(try parseWhile(start: start), try parseTrailingRedirections())
        case "case": return .caseClause(try parseCase(start: start), try parseTrailingRedirections())
        case let word?:
            if word != "!" {
                throw SyntaxError("unexpected `\(word)`", at: SourceRange(start: start, end: start + word.utf8.count))
            }
        case nil: break
        }
        if let function = try parseFunctionDefinition() { return function }
        return .simple(try parseSimpleCommand())
    }

    mutating func parseSimpleCommand() throws(SyntaxError) -> SimpleCommand {
        let start = position
        var assignments: [Assignment] = []
        var words: [Word] = []
        words.reserveCapacity(Parser.typicalWordCount)
        var redirections: [Redirection] = []
        while true {
            skipBlanks()
            if let redirection = try parseRedirection() {
                redirections.append(redirection)
                continue
            }
            guard let byte = peek(), !ByteClass.isMeta(byte) else { break }
            if words.isEmpty && byte == ByteClass.hash { break }
            if !words.isEmpty && byte == ByteClass.hash {
                skipComment()
                break
            }
            let wordStart = position
            guard let word = try parseWord() else { break }
            // Most command words have no `=` in their source: no assignment to look for in their parts.
            if words.isEmpty, bytes[wordStart..<position].contains(ByteClass.equals),
                let assignment = Parser.assignment(from: word, start: wordStart)
            {
                assignments.append(assignment)
            } else {
                words.append(word)
            }
        }
        if assignments.isEmpty && words.isEmpty && redirections.isEmpty {
            throw unexpectedTokenError()
        }
        return SimpleCommand(
            assignments: assignments, words: words, redirections: redirections, range: range(from: start))
    }

    /// Splits `NAME=value` into an assignment when the name part is an unquoted valid name.
    static func assignment(from word: Word, start: Int) -> Assignment? {
        // On UTF-8 bytes: most words are not assignments, and a name is ASCII. The `=` must be a character of its own
        // (a combining mark after it makes one character of both, and the word is then not an assignment).
        guard case .literal(let first)? = word.parts.first, let equals = first.utf8.firstIndex(of: ByteClass.equals),
            isValidName(first.utf8[..<equals]), first[equals] == "="
        else { return nil }
        let name = String(first[..<equals])
        var valueParts = word.parts
        let rest = String(first[first.utf8.index(after: equals)...])
        if rest.isEmpty {
            valueParts.removeFirst()
        } else {
            valueParts[0] = .literal(rest)
        }
        valueParts = assignmentTildes(valueParts)
        let valueStart = start + name.utf8.count + 1
        return Assignment(
            name: name,
            value: Word(parts: valueParts, range: SourceRange(start: valueStart, end: word.range.end)),
            range: word.range
        )
    }

    /// `A=~/x:~user/y`: in an assignment a tilde prefix may start the value or follow any unquoted `:` (POSIX 2.6.1),
    /// ending at `/`, `:` or the end of the value; a prefix that runs into a quote or an expansion stays literal.
    static func assignmentTildes(_ parts: [WordPart]) -> [WordPart] {
        var result: [WordPart] = []
        var atSegmentStart = true
        for (index, part) in parts.enumerated() {
            guard case .literal(let text) = part else {
                result.append(part)
                atSegmentStart = false
                continue
            }
            let isLastPart = index == parts.count - 1
            var literal = ""
            var rest = Substring(text)
            while let character = rest.first {
                if atSegmentStart && character == "~" {
                    let end = rest.firstIndex { $0 == "/" || $0 == ":" } ?? rest.endIndex
                    let user = rest[rest.index(after: rest.startIndex)..<end]
                    let isTerminated = end != rest.endIndex || isLastPart
                    if isTerminated && user.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) {
                        if !literal.isEmpty { result.append(.literal(literal)) }
                        literal = ""
                        result.append(.tilde(String(user)))
                        rest = rest[end...]
                        atSegmentStart = false
                        continue
                    }
                }
                literal.append(character)
                atSegmentStart = character == ":"
                rest.removeFirst()
            }
            if !literal.isEmpty { result.append(.literal(literal)) }
        }
        return result
    }

    static func isValidName(_ name: String) -> Bool { isValidName(name.utf8) }

    static func isValidName(_ name: some Collection<UInt8>) -> Bool {
        guard let first = name.first, ByteClass.isNameStart(first) else { return false }
        return name.allSatisfy(ByteClass.isNameChar)
    }

    /// `name() compound-command`.
    mutating func parseFunctionDefinition() throws(SyntaxError) -> Command? {
        // Cheap lookahead on bytes (NAME blanks `(`) so ordinary commands are not parsed twice.
        var end = position
        guard let first = peek(), ByteClass.isNameStart(first) else { return nil }
        while end < limit, ByteClass.isNameChar(bytes[end]) { end += 1 }
        var afterBlanks = end
        while afterBlanks < limit, ByteClass.isBlank(bytes[afterBlanks]) { afterBlanks += 1 }
        guard afterBlanks < limit, bytes[afterBlanks] == ByteClass.openParen else { return nil }
        let saved = position
        guard let word = try? parseWord(), let name = word.literalText, Parser.isValidName(name) else {
            position = saved
            return nil
        }
        skipBlanks()
        guard peek() == ByteClass.openParen else {
            position = saved
            return nil
        }
        position += 1
        skipBlanks()
        guard peek() == ByteClass.closeParen else {
            position = saved
            return nil
        }
        position += 1
        skipLineBreaks()
        guard !isAtEnd else {
            throw SyntaxError("missing function body after `\(name)()`", at: point(saved), isIncomplete: true)
        }
        return .functionDefinition(name: name, body: try parseCommand())
    }

    mutating func parseTrailingRedirections() throws(SyntaxError) -> [Redirection] {
        var redirections: [Redirection] = []
        while true {
            skipBlanks()
            guard let redirection = try parseRedirection() else { return redirections }
            redirections.append(redirection)
        }
    }

    /// A redirection at the current position, or nil.
    mutating func parseRedirection() throws(SyntaxError) -> Redirection? {
        guard let first = peek(),
            ByteClass.isDigit(first) || first == ByteClass.less || first == ByteClass.greater
                || first == ByteClass.ampersand
        else { return nil }
        let start = position
        var offset = 0
        while let byte = peek(offset), ByteClass.isDigit(byte) { offset += 1 }
        guard let opByte = peek(offset),
            opByte == ByteClass.less || opByte == ByteClass.greater
                || (offset == 0 && opByte == ByteClass.ampersand && peek(1) == ByteClass.greater)
        else { return nil }
        let descriptor = offset > 0 ? Int(text(start..<start + offset)) : nil
        position += offset
        let operation: RedirectionOperator
        switch (peek(), peek(1), peek(2)) {
        case (ByteClass.less, ByteClass.less, ByteClass.minus): operation = .heredocStrippingTabs
        case (ByteClass.less, ByteClass.less, _): operation = .heredoc
        case (ByteClass.less, ByteClass.ampersand, _): operation = .duplicateInput
        case (ByteClass.less, ByteClass.greater, _): operation = .readWrite
        case (ByteClass.less, _, _): operation = .input
        case (ByteClass.greater, ByteClass.greater, _): operation = .append
        case (ByteClass.greater, ByteClass.ampersand, _): operation = .duplicateOutput
        case (ByteClass.greater, ByteClass.pipe, _): operation = .clobber
        case (ByteClass.ampersand, ByteClass.greater, ByteClass.greater): operation = .appendOutputAndError
        case (ByteClass.ampersand, _, _): operation = .outputAndError
        default: operation = .output
        }
        position += operation.rawValue.utf8.count
        skipBlanks()
        let targetStart = position
        guard let target = try parseWord() else {
            if isAtEnd || peek() == ByteClass.newline {
                throw SyntaxError(
                    "missing file name after `\(operation.rawValue)`", at: SourceRange(start: start, end: position))
            }
            throw unexpectedTokenError()
        }
        var heredoc: Heredoc?
        if operation == .heredoc || operation == .heredocStrippingTabs {
            heredoc = try readHeredocBody(
                delimiterWord: target, stripTabs: operation == .heredocStrippingTabs, start: targetStart)
        }
        return Redirection(
            fileDescriptor: descriptor, operation: operation, target: target, heredoc: heredoc,
            range: range(from: start))
    }

    /// Reads a heredoc's body from the lines after the current one; parsing later jumps over them.
    mutating func readHeredocBody(delimiterWord: Word, stripTabs: Bool, start: Int) throws(SyntaxError) -> Heredoc {
        let isQuoted = delimiterWord.hasQuotes
        // No expansion: an unquoted `<<${a}` ends at a line `${a}`, as in bash and dash.
        let delimiter =
            isQuoted ? Parser.quoteRemoved(delimiterWord) : text(delimiterWord.range.start..<delimiterWord.range.end)
        var bodyStart: Int
        if let cursor = heredocCursor {
            bodyStart = cursor
        } else {
            guard let newline = logicalLineEnd() else {
                throw SyntaxError(
                    "here-document `\(delimiter)` has no body yet", at: SourceRange(start: start, end: position),
                    isIncomplete: true)
            }
            bodyStart = newline + 1
            heredocSkip = (newline: newline, resume: bodyStart)
        }
        var lines: [Range<Int>] = []
        var lineStart = bodyStart
        var found = false
        while lineStart < limit || (lineStart == limit && false) {
            var lineEnd = lineStart
            while lineEnd < limit, bytes[lineEnd] != ByteClass.newline { lineEnd += 1 }
            var contentStart = lineStart
            if stripTabs {
                while contentStart < lineEnd, bytes[contentStart] == ByteClass.tab { contentStart += 1 }
            }
            let next = min(lineEnd + 1, limit)
            // A CRLF line (a script saved on Windows) still ends the heredoc.
            let delimiterEnd = lineEnd > contentStart && bytes[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
            if text(contentStart..<delimiterEnd) == delimiter {
                lineStart = next
                found = true
                break
            }
            lines.append(contentStart..<next)
            lineStart = next
        }
        guard found else {
            throw SyntaxError(
                "here-document is not closed by a line `\(delimiter)`", at: SourceRange(start: start, end: position),
                isIncomplete: true)
        }
        heredocCursor = lineStart
        if var skip = heredocSkip {
            skip.resume = lineStart
            heredocSkip = skip
        }
        var body: [WordPart] = []
        if isQuoted {
            for line in lines { body.append(.literal(text(line))) }
        } else if !stripTabs, let first = lines.first, let last = lines.last {
            body = try heredocContent(first.lowerBound..<last.upperBound)
        } else {
            // `<<-`: line by line (each without its leading tabs); a line whose `$(` or backtick goes on (a heredoc
            // of its own inside `$( )`) is read with the lines that finish it.
            var index = 0
            while index < lines.count {
                var last = index
                var restChecked = false
                while true {
                    do {
                        body.append(contentsOf: try heredocContent(lines[index].lowerBound..<lines[last].upperBound))
                        break
                    } catch {
                        guard error.isIncomplete, last + 1 < lines.count else { throw error }
                        if !restChecked {
                            // Unfinished even with every line left: an error now, not one parse per line.
                            _ = try heredocContent(lines[index].lowerBound..<lines[lines.count - 1].upperBound)
                            restChecked = true
                        }
                        last += 1
                    }
                }
                index = last + 1
            }
        }
        return Heredoc(body: Parser.mergeLiterals(body), isQuoted: isQuoted, delimiter: delimiter)
    }

    /// The parts of an unquoted heredoc's text in `range` (expansions, `\` escapes; quotes are literal).
    private func heredocContent(_ range: Range<Int>) throws(SyntaxError) -> [WordPart] {
        var inner = self
        inner.position = range.lowerBound
        inner.limit = range.upperBound
        inner.heredocSkip = nil
        inner.heredocCursor = nil
        return try inner.parseDoubleQuotedContent(until: nil, openedAt: range.lowerBound)
    }

    /// The offset of the newline that ends the current logical line, where pending heredoc bodies begin (POSIX
    /// 2.7.4): the first newline outside quotes, expansions, comments and line continuations, found by reading the
    /// rest of the line as words and operators. Nil when the input ends (or a word is unfinished) before it.
    func logicalLineEnd() -> Int? {
        var probe = self
        while true {
            probe.skipBlanks()
            guard let byte = probe.peek() else { return nil }
            if byte == ByteClass.newline { return probe.position }
            if byte == ByteClass.hash {
                probe.skipComment()
            } else if ByteClass.isMeta(byte) {
                probe.position += 1
            } else {
                let before = probe.position
                guard (try? probe.parseWord()) != nil else { return nil }
                if probe.position == before { probe.position += 1 }
            }
        }
    }

    static func mergeLiterals(_ parts: [WordPart]) -> [WordPart] {
        var merged: [WordPart] = []
        for part in parts {
            if case .literal(let text) = part, case .literal(let previous)? = merged.last {
                merged[merged.count - 1] = .literal(previous + text)
            } else {
                merged.append(part)
            }
        }
        return merged
    }

    /// The text of a word with quotes removed and no expansion (heredoc delimiters).
    static func quoteRemoved(_ word: Word) -> String {
        var text = ""
        for part in word.parts {
            switch part {
            case .literal(let value), .escaped(let value), .singleQuoted(let value): text += value
            case .doubleQuoted(let inner): text += quoteRemoved(Word(parts: inner, range: word.range))
            case .parameter(let name): text += "$" + name
            default: text += ""
            }
        }
        return text
    }
}
