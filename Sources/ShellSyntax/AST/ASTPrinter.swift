/// Prints an AST back as canonical shell source; parsing the output gives the same canonical text
/// (checked by the round-trip test over every spec case).
struct ASTPrinter {
    private var output = ""
    private var pendingHeredocs: [Heredoc] = []

    static func print(_ script: Script) -> String {
        var printer = ASTPrinter()
        printer.emit(script)
        printer.flushHeredocs()
        return printer.output
    }

    static func print(_ andOr: AndOrList) -> String {
        var printer = ASTPrinter()
        printer.emit(andOr)
        printer.flushHeredocs()
        return printer.output
    }

    static func print(_ word: Word) -> String {
        var printer = ASTPrinter()
        printer.emit(word.parts)
        return printer.output
    }

    private mutating func emit(_ script: Script) {
        for (index, item) in script.items.enumerated() {
            if index > 0 {
                if pendingHeredocs.isEmpty {
                    output += script.items[index - 1].isBackground ? " " : "; "
                } else {
                    if script.items[index - 1].isBackground { output += "" }
                    flushHeredocs()
                }
            }
            emit(item.andOr)
            if item.isBackground { output += " &" }
        }
    }

    /// Ends a compound list before `keyword`: `; keyword`, or just ` keyword` after a background `&` (`&;` is
    /// a syntax error; found by scripts/fuzz).
    private mutating func closeList(_ keyword: String) {
        output += output.hasSuffix(" &") ? " " + keyword : "; " + keyword
    }

    private mutating func flushHeredocs() {
        guard !pendingHeredocs.isEmpty else { return }
        for heredoc in pendingHeredocs {
            output += "\n"
            var body = ASTPrinter()
            body.emitHeredocBody(heredoc)
            output += body.output
            if !output.hasSuffix("\n") { output += "\n" }
            output += heredoc.delimiter
        }
        output += "\n"
        pendingHeredocs.removeAll()
    }

    private mutating func emit(_ andOr: AndOrList) {
        emit(andOr.first)
        for (op, pipeline) in andOr.rest {
            output += " \(op.rawValue) "
            emit(pipeline)
        }
    }

    private mutating func emit(_ pipeline: Pipeline) {
        if pipeline.isNegated { output += "! " }
        for (index, command) in pipeline.commands.enumerated() {
            if index > 0 { output += " | " }
            emit(command)
        }
    }

    private mutating func emit(_ command: Command) {
        switch command {
        case .simple(let simple):
            var pieces: [String] = []
            for assignment in simple.assignments {
                pieces.append(assignment.name + "=" + ASTPrinter.print(assignment.value))
            }
            for (index, word) in simple.words.enumerated() {
                var text = ASTPrinter.print(word)
                // A command named like a reserved word (parsed from `in\<newline>`, say) must print as a name,
                // not as the keyword (found by scripts/fuzz).
                if index == 0 && simple.assignments.isEmpty && Parser.reservedWords.contains(text) {
                    text = "\\" + text
                }
                pieces.append(text)
            }
            output += pieces.joined(separator: " ")
            emit(simple.redirections, leadingSpace: !pieces.isEmpty)
        case .group(let body, let redirections):
            output += "{ "
            emit(body)
            closeList("}")
            emit(redirections, leadingSpace: true)
        case .subshell(let body, let redirections):
            output += "( "
            emit(body)
            output += " )"
            emit(redirections, leadingSpace: true)
        case .ifClause(let clause, let redirections):
            for (index, branch) in clause.branches.enumerated() {
                if index == 0 { output += "if " } else { closeList("elif ") }
                emit(branch.condition)
                closeList("then ")
                emit(branch.body)
            }
            if let elseBody = clause.elseBody {
                closeList("else ")
                emit(elseBody)
            }
            closeList("fi")
            emit(redirections, leadingSpace: true)
        case .forLoop(let loop, let redirections):
            output += "for \(loop.name)"
            if let words = loop.words {
                output += " in"
                for word in words { output += " " + ASTPrinter.print(word) }
            }
            closeList("do ")
            emit(loop.body)
            closeList("done")
            emit(redirections, leadingSpace: true)
        case .whileLoop(let loop, let redirections):
            output += loop.isUntil ? "until " : "while "
            emit(loop.condition)
            closeList("do ")
            emit(loop.body)
            closeList("done")
            emit(redirections, leadingSpace: true)
        case .caseClause(let clause, let redirections):
            output += "case " + ASTPrinter.print(clause.word) + " in"
            for arm in clause.arms {
                output += " " + arm.patterns.map { ASTPrinter.print($0) }.joined(separator: " | ") + ") "
                emit(arm.body)
                output += ";;"
            }
            output += " esac"
            emit(redirections, leadingSpace: true)
        case .functionDefinition(let name, let body):
            output += "\(name)() "
            emit(body)
        }
    }

    private mutating func emit(_ redirections: [Redirection], leadingSpace: Bool) {
        for (index, redirection) in redirections.enumerated() {
            if leadingSpace || index > 0 { output += " " }
            if let fd = redirection.fileDescriptor { output += String(fd) }
            output += redirection.operation.rawValue
            output += ASTPrinter.print(redirection.target)
            if let heredoc = redirection.heredoc { pendingHeredocs.append(heredoc) }
        }
    }

    private mutating func emitHeredocBody(_ heredoc: Heredoc) {
        for part in heredoc.body {
            switch part {
            case .literal(let text):
                output += heredoc.isQuoted ? text : ASTPrinter.escape(text, specials: "$`\\")
            default:
                emit([part])
            }
        }
    }

    private mutating func emit(_ parts: [WordPart], inDoubleQuotes: Bool = false) {
        for (index, part) in parts.enumerated() {
            switch part {
            case .literal(let text):
                if inDoubleQuotes {
                    output += ASTPrinter.escape(text, specials: "$`\"\\")
                } else {
                    // A bare `$` that is not the word's last character would join what follows into an expansion
                    // (the parser read `$\<newline>{x` as a literal `$`; found by scripts/fuzz): print it escaped.
                    let scalars = text.unicodeScalars
                    let wordEnd = index == parts.count - 1 ? scalars.count - 1 : -1
                    var printed = String.UnicodeScalarView()
                    for (offset, scalar) in scalars.enumerated() {
                        if scalar == "$" && offset != wordEnd { printed.append("\\") }
                        printed.append(scalar)
                    }
                    output += String(printed)
                }
            case .escaped(let text):
                output += "\\" + text
            case .singleQuoted(let text):
                output += "'" + text + "'"
            case .doubleQuoted(let inner):
                output += "\""
                emit(inner, inDoubleQuotes: true)
                output += "\""
            case .parameter(let name):
                let next = index + 1 < parts.count ? parts[index + 1] : nil
                if case .literal(let text)? = next, let first = text.utf8.first,
                    ByteClass.isNameChar(first) && ByteClass.isNameStart(name.utf8.first ?? 0)
                {
                    output += "${\(name)}"
                } else {
                    output += "$" + name
                }
            case .parameterExpansion(let expansion):
                emit(expansion)
            case .commandSubstitution(let script, let style):
                let body = ASTPrinter.print(script)
                switch style {
                case .dollarParen: output += "$(" + body + ")"
                case .backtick: output += "`" + ASTPrinter.escape(body, specials: "`$\\") + "`"
                }
            case .arithmetic(let text):
                output += "$((" + text + "))"
            case .tilde(let user):
                output += "~" + user
            }
        }
    }

    private mutating func emit(_ expansion: ParameterExpansion) {
        output += "${"
        func operand(_ symbol: String, _ word: Word) {
            output += symbol
            emit(word.parts)
        }
        switch expansion.operation {
        case .plain: output += expansion.name
        case .length: output += "#" + expansion.name
        case .useDefault(let word, let colon):
            output += expansion.name
            operand(colon ? ":-" : "-", word)
        case .assignDefault(let word, let colon):
            output += expansion.name
            operand(colon ? ":=" : "=", word)
        case .useAlternative(let word, let colon):
            output += expansion.name
            operand(colon ? ":+" : "+", word)
        case .errorIfUnset(let word, let colon):
            output += expansion.name
            operand(colon ? ":?" : "?", word)
        case .removePrefix(let word, let longest):
            output += expansion.name
            operand(longest ? "##" : "#", word)
        case .removeSuffix(let word, let longest):
            output += expansion.name
            operand(longest ? "%%" : "%", word)
        }
        output += "}"
    }

    /// Backslash-escapes every scalar of `specials` in `text`. Scalars, not characters: a combining mark after a
    /// backtick makes one grapheme that `specials` would not contain, and the backtick would go out unescaped.
    static func escape(_ text: String, specials: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if specials.unicodeScalars.contains(scalar) { result.append("\\") }
            result.append(scalar)
        }
        return String(result)
    }
}

extension Script: CustomStringConvertible {
    /// The canonical source text of the script.
    public var description: String { ASTPrinter.print(self) }
}

extension AndOrList: CustomStringConvertible {
    /// The canonical source text of the list (what `jobs` shows for `cmd &`).
    public var description: String { ASTPrinter.print(self) }
}

extension Word: CustomStringConvertible {
    /// The canonical source text of the word.
    public var description: String { ASTPrinter.print(self) }
}
