/// A recursive-descent parser for jq programs with jq's precedence:
/// `|` < `,` < `//` < assignment < `or` < `and` < comparison < `+ -` < `* / %` < postfix terms.
public struct Parser {
    private var tokens: [Token]
    private var position = 0
    /// How many expressions are open around the current token (brackets, parentheses, `if`, `reduce`, …).
    private var depth = 0

    /// The deepest nesting a program may have: deeper programs would exhaust the stack of a recursive parser, and
    /// no hand-written program comes near it (jq's own limit is its parser stack, 10,000 states).
    static let maximumDepth = 256
    /// The most `|` stages or definitions in one chain (jq 1.6 runs out of parser stack near 4,500).
    static let maximumChain = 10_000

    /// Parses a complete program; its module directives, if any, are checked but not part of the tree.
    public static func parse(_ source: String) throws(QueryCompileError) -> AST {
        try parseProgram(source).body
    }

    /// Parses a main program: module directives, then an expression.
    static func parseProgram(_ source: String) throws(QueryCompileError) -> ProgramSyntax {
        var parser = Parser(tokens: try Lexer.tokenize(source))
        let header = try parser.parseHeader()
        let ast = try parser.parsePipe()
        try parser.expectEnd()
        return ProgramSyntax(header: header, body: ast)
    }

    /// Parses a library (a module file): module directives, then definitions only.
    static func parseLibrary(_ source: String) throws(QueryCompileError) -> LibrarySyntax {
        var parser = Parser(tokens: try Lexer.tokenize(source))
        let header = try parser.parseHeader()
        var definitions: [FunctionDefinition] = []
        while parser.isKeyword("def") { definitions.append(try parser.parseDefinition()) }
        try parser.expectEnd()
        return LibrarySyntax(header: header, definitions: definitions)
    }

    /// `module META;` and the `import`/`include` directives that open a program or library.
    private mutating func parseHeader() throws(QueryCompileError) -> ModuleHeader {
        var header = ModuleHeader()
        if isKeyword("module") {
            let start = current
            advance()
            header.metadata = try metadataObject(try parsePostTerm(), at: start)
            try expectPunctuation(";")
        }
        while isKeyword("import") || isKeyword("include") {
            let start = current
            let isInclude = isKeyword("include")
            advance()
            guard case .string(let pieces) = current.kind else { throw unexpected() }
            guard pieces.count == 1, case .text(let path) = pieces[0] else {
                throw QueryCompileError(
                    message: "Import path must be constant", offset: start.offset, length: current.offset - start.offset
                )
            }
            advance()
            var kind = ImportDirective.Kind.include
            if !isInclude {
                try expectKeyword("as")
                switch current.kind {
                case .identifier(let alias), .keyword(let alias): kind = .functions(alias: alias)
                case .variable(let alias): kind = .data(alias: alias)
                default: throw unexpected()
                }
                advance()
            }
            var metadata: JSONObject?
            if !isPunctuation(";") { metadata = try metadataObject(try parsePostTerm(), at: start) }
            let length = current.offset + current.length - start.offset
            try expectPunctuation(";")
            header.imports.append(
                ImportDirective(path: path, kind: kind, metadata: metadata, offset: start.offset, length: length))
        }
        return header
    }

    /// Module metadata: a constant object, else jq's compile error.
    private func metadataObject(_ term: AST, at start: Token) throws(QueryCompileError) -> JSONObject {
        let length = max(1, current.offset - start.offset)
        guard let value = term.constantValue else {
            throw QueryCompileError(message: "Module metadata must be constant", offset: start.offset, length: length)
        }
        guard case .object(let object) = value else {
            throw QueryCompileError(message: "Module metadata must be an object", offset: start.offset, length: length)
        }
        return object
    }

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    private var current: Token { tokens[position] }

    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private func isPunctuation(_ text: String) -> Bool {
        if case .punctuation(text) = current.kind { return true }
        return false
    }

    private func isKeyword(_ text: String) -> Bool {
        if case .keyword(text) = current.kind { return true }
        return false
    }

    private func unexpected(_ expecting: String? = nil) -> QueryCompileError {
        let name: String
        switch current.kind {
        case .end: name = "end of file"
        case .identifier: name = "IDENT"
        case .keyword(let word): name = word
        case .field: name = "FIELD"
        case .variable: name = "'$'"
        case .number: name = "LITERAL"
        case .string: name = "QQSTRING_START"
        case .format: name = "FORMAT"
        case .punctuation(let text): name = text.count == 1 ? "'\(text)'" : "\"\(text)\""
        }
        let expectation = expecting.map { ", expecting \($0)" } ?? ""
        return QueryCompileError(
            message: "syntax error, unexpected \(name)\(expectation) (Unix shell quoting issues?)",
            offset: current.offset, length: current.length)
    }

    private mutating func expectPunctuation(_ text: String) throws(QueryCompileError) {
        guard isPunctuation(text) else { throw unexpected() }
        advance()
    }

    private mutating func expectKeyword(_ text: String) throws(QueryCompileError) {
        guard isKeyword(text) else { throw unexpected() }
        advance()
    }

    private func expectEnd() throws(QueryCompileError) {
        guard case .end = current.kind else { throw unexpected("end of file") }
    }

    // MARK: Expressions

    mutating func parsePipe() throws(QueryCompileError) -> AST {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw QueryCompileError(
                message: "program nested deeper than \(Self.maximumDepth) levels", offset: current.offset,
                length: current.length)
        }
        // `def f: …; rest` and `a | rest` chain to the right; read them in a loop, so that a long pipeline or a
        // long list of definitions does not nest the parser's own calls.
        enum Link {
            case definition(FunctionDefinition)
            case stage(AST)
        }
        var links: [Link] = []
        while true {
            guard links.count < Self.maximumChain else {
                throw QueryCompileError(
                    message: "program has more than \(Self.maximumChain) pipe stages or definitions in a row",
                    offset: current.offset, length: current.length)
            }
            if isKeyword("def") {
                links.append(.definition(try parseDefinition()))
                continue
            }
            let left = try parseComma()
            guard isPunctuation("|") else {
                return links.reversed().reduce(left) { result, link in
                    switch link {
                    case .definition(let definition): .definition(definition, result)
                    case .stage(let stage): .pipe(stage, result)
                    }
                }
            }
            advance()
            links.append(.stage(left))
        }
    }

    private mutating func parseComma() throws(QueryCompileError) -> AST {
        var left = try parseAlternative()
        while isPunctuation(",") {
            advance()
            left = .comma(left, try parseAlternative())
        }
        return left
    }

    private mutating func parseAlternative() throws(QueryCompileError) -> AST {
        let left = try parseAssignment()
        if isPunctuation("//") {
            advance()
            return .binary(.alternative, left, try parseAlternative())
        }
        return left
    }

    private mutating func parseAssignment() throws(QueryCompileError) -> AST {
        let left = try parseBinary(level: 5)
        if case .punctuation(let text) = current.kind, let op = UpdateOperator(rawValue: text) {
            advance()
            // The right side of an assignment binds like jq's nonassoc level: it stops at `//`, `,` and `|`.
            let right = try parseAlternative()
            return .update(op, left, right)
        }
        return left
    }

    private func binaryOperator() -> BinaryOperator? {
        switch current.kind {
        case .keyword("and"): return .and
        case .keyword("or"): return .or
        case .punctuation(let text):
            guard let op = BinaryOperator(rawValue: text), op != .alternative else { return nil }
            return op
        default: return nil
        }
    }

    private mutating func parseBinary(level: Int) throws(QueryCompileError) -> AST {
        if level > 9 { return try parseUnary() }
        var left = try parseBinary(level: level + 1)
        while let op = binaryOperator(), op.precedence == level {
            advance()
            let right = try parseBinary(level: level + 1)
            left = .binary(op, left, right)
            if level == 7, let next = binaryOperator(), next.precedence == 7 {
                throw unexpected()
            }
        }
        return left
    }

    private mutating func parseUnary() throws(QueryCompileError) -> AST {
        if isPunctuation("-") {
            advance()
            return .negate(try parseBinary(level: 9))
        }
        return try parsePostfix()
    }

    // MARK: Terms

    private mutating func parsePostfix() throws(QueryCompileError) -> AST {
        var term = try parsePrimary()
        while true {
            if case .field(let name) = current.kind {
                advance()
                term = .index(term, .literal(.string(name)))
            } else if isPunctuation(".") {
                // `."name"`, `.[…]` after a term (jq 1.7).
                let next = tokens[position + 1]
                if case .string = next.kind {
                    advance()
                    term = .index(term, try parseStringLiteral(format: nil))
                } else if case .punctuation("[") = next.kind {
                    advance()
                    term = try parseBracketSuffix(term)
                } else {
                    throw unexpected()
                }
            } else if isPunctuation("[") {
                term = try parseBracketSuffix(term)
            } else if isPunctuation("?") {
                advance()
                term = .tryCatch(term, nil)
            } else if isKeyword("as") {
                advance()
                var patterns = [try parsePattern()]
                while isPunctuation("?//") {
                    advance()
                    patterns.append(try parsePattern())
                }
                try expectPunctuation("|")
                return .bind(term, patterns, try parsePipe())
            } else {
                return term
            }
        }
    }

    private mutating func parseBracketSuffix(_ target: AST) throws(QueryCompileError) -> AST {
        try expectPunctuation("[")
        if isPunctuation("]") {
            advance()
            return .iterate(target)
        }
        if isPunctuation(":") {
            advance()
            let to = try parsePipe()
            try expectPunctuation("]")
            return .slice(target, nil, to)
        }
        let index = try parsePipe()
        if isPunctuation(":") {
            advance()
            if isPunctuation("]") {
                advance()
                return .slice(target, index, nil)
            }
            let to = try parsePipe()
            try expectPunctuation("]")
            return .slice(target, index, to)
        }
        try expectPunctuation("]")
        return .index(target, index)
    }

    private mutating func parsePrimary() throws(QueryCompileError) -> AST {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return .literal(value)
        case .string:
            return try parseStringLiteral(format: nil)
        case .format(let name):
            advance()
            if case .string = current.kind { return try parseStringLiteral(format: name) }
            return .format(name)
        case .field(let name):
            advance()
            return .index(.identity, .literal(.string(name)))
        case .variable(let name):
            advance()
            return .variable(name)
        case .punctuation("."):
            advance()
            if case .string = current.kind { return .index(.identity, try parseStringLiteral(format: nil)) }
            if isPunctuation("[") { return try parseBracketSuffix(.identity) }
            return .identity
        case .punctuation(".."):
            advance()
            return .recurseAll
        case .punctuation("("):
            advance()
            let inner = try parsePipe()
            try expectPunctuation(")")
            return inner
        case .punctuation("["):
            advance()
            if isPunctuation("]") {
                advance()
                return .array(nil)
            }
            let inner = try parsePipe()
            try expectPunctuation("]")
            return .array(inner)
        case .punctuation("{"):
            return try parseObject()
        case .keyword("if"):
            return try parseConditional()
        case .keyword("try"):
            advance()
            let body = try parsePostTerm()
            if isKeyword("catch") {
                advance()
                return .tryCatch(body, try parsePostTerm())
            }
            return .tryCatch(body, nil)
        case .keyword("reduce"):
            advance()
            let source = try parsePostTerm()
            try expectKeyword("as")
            let pattern = try parsePattern()
            try expectPunctuation("(")
            let initial = try parsePipe()
            try expectPunctuation(";")
            let update = try parsePipe()
            try expectPunctuation(")")
            return .reduce(source, pattern, initial, update)
        case .keyword("foreach"):
            advance()
            let source = try parsePostTerm()
            try expectKeyword("as")
            let pattern = try parsePattern()
            try expectPunctuation("(")
            let initial = try parsePipe()
            try expectPunctuation(";")
            let update = try parsePipe()
            var extract: AST?
            if isPunctuation(";") {
                advance()
                extract = try parsePipe()
            }
            try expectPunctuation(")")
            return .foreach(source, pattern, initial, update, extract)
        case .keyword("label"):
            advance()
            guard case .variable(let name) = current.kind else { throw unexpected() }
            advance()
            try expectPunctuation("|")
            return .label(name, try parsePipe())
        case .keyword("def"):
            let definition = try parseDefinition()
            return .definition(definition, try parsePipe())
        case .identifier(let name):
            advance()
            if name == "break" {
                guard case .variable(let label) = current.kind else { throw unexpected() }
                advance()
                return .breakLabel(label)
            }
            var arguments: [AST] = []
            if isPunctuation("(") {
                advance()
                arguments.append(try parsePipe())
                while isPunctuation(";") {
                    advance()
                    arguments.append(try parsePipe())
                }
                try expectPunctuation(")")
            }
            switch (name, arguments.count) {
            case ("true", 0): return .literal(.bool(true))
            case ("false", 0): return .literal(.bool(false))
            case ("null", 0): return .literal(.null)
            default: return .call(name, arguments)
            }
        case .punctuation("-"):
            advance()
            return .negate(try parsePostfix())
        default:
            throw unexpected()
        }
    }

    /// A term with its postfix suffixes but no `as` binding (the bodies of `try`, `reduce`, `foreach`).
    private mutating func parsePostTerm() throws(QueryCompileError) -> AST {
        var term = try parsePrimary()
        while true {
            if case .field(let name) = current.kind {
                advance()
                term = .index(term, .literal(.string(name)))
            } else if isPunctuation("[") {
                term = try parseBracketSuffix(term)
            } else if isPunctuation("."), case .punctuation("[") = tokens[position + 1].kind {
                advance()
                term = try parseBracketSuffix(term)
            } else if isPunctuation("."), case .string = tokens[position + 1].kind {
                advance()
                term = .index(term, try parseStringLiteral(format: nil))
            } else if isPunctuation("?") {
                advance()
                term = .tryCatch(term, nil)
            } else {
                return term
            }
        }
    }

    private mutating func parseStringLiteral(format: String?) throws(QueryCompileError) -> AST {
        guard case .string(let pieces) = current.kind else { throw unexpected() }
        advance()
        var parts: [AST.StringPart] = []
        for piece in pieces {
            switch piece {
            case .text(let text): parts.append(.text(text))
            case .interpolation(let inner):
                var nested = Parser(tokens: inner)
                let ast = try nested.parsePipe()
                try nested.expectEnd()
                parts.append(.interpolation(ast))
            }
        }
        if format == nil, parts.count == 1, case .text(let text) = parts[0] { return .literal(.string(text)) }
        return .string(parts, format: format)
    }

    private mutating func parseConditional() throws(QueryCompileError) -> AST {
        try expectKeyword("if")
        var branches: [AST.Branch] = []
        let condition = try parsePipe()
        try expectKeyword("then")
        branches.append(AST.Branch(condition: condition, body: try parsePipe()))
        while isKeyword("elif") {
            advance()
            let condition = try parsePipe()
            try expectKeyword("then")
            branches.append(AST.Branch(condition: condition, body: try parsePipe()))
        }
        var otherwise: AST?
        if isKeyword("else") {
            advance()
            otherwise = try parsePipe()
        }
        try expectKeyword("end")
        return .conditional(branches, otherwise)
    }

    private mutating func parseObject() throws(QueryCompileError) -> AST {
        try expectPunctuation("{")
        var entries: [AST.ObjectEntry] = []
        while !isPunctuation("}") {
            let key: AST
            var value: AST?
            switch current.kind {
            case .identifier(let name), .keyword(let name):
                advance()
                key = .literal(.string(name))
                if !isPunctuation(":") { value = .index(.identity, key) }
            case .variable(let name):
                advance()
                if isPunctuation(":") {
                    key = .variable(name)  // `{$k: v}`: the key is $k's value
                } else {
                    key = .literal(.string(name))
                    value = .variable(name)
                }
            case .number(let number):
                advance()
                key = .literal(number)
            case .string:
                key = try parseStringLiteral(format: nil)
                if !isPunctuation(":") { value = .index(.identity, key) }
            case .format(let name):
                advance()
                key = try parseStringLiteral(format: name)
                if !isPunctuation(":") { value = .index(.identity, key) }
            case .punctuation("("):
                let start = current
                advance()
                key = try parsePipe()
                // jq folds constant keys at compile time and refuses those that are not strings.
                if let constant = key.constantValue, !constant.isString {
                    throw QueryCompileError(
                        message: "Cannot use \(constant.errorDescription) as object key", offset: start.offset,
                        length: current.offset + current.length - start.offset)
                }
                try expectPunctuation(")")
            default:
                throw unexpected()
            }
            if value == nil {
                try expectPunctuation(":")
                value = try parseObjectValue()
            }
            entries.append(AST.ObjectEntry(key: key, value: value ?? .identity))
            if isPunctuation(",") {
                advance()
                if isPunctuation("}") { throw unexpected() }
            } else if !isPunctuation("}") {
                throw unexpected()
            }
        }
        advance()
        return .object(entries)
    }

    /// An object member value: terms joined by `|` (jq's `ExpD`), also allowing operators short of `,`.
    private mutating func parseObjectValue() throws(QueryCompileError) -> AST {
        let left = try parseAlternative()
        if isPunctuation("|") {
            advance()
            return .pipe(left, try parseObjectValue())
        }
        return left
    }

    private mutating func parsePattern() throws(QueryCompileError) -> Pattern {
        switch current.kind {
        case .variable(let name):
            advance()
            return .variable(name)
        case .punctuation("["):
            advance()
            // `[]` binds nothing: jq's grammar wants at least one element.
            if isPunctuation("]") { throw unexpected("'$' or '[' or '{'") }
            var elements = [try parsePattern()]
            while isPunctuation(",") {
                advance()
                elements.append(try parsePattern())
            }
            try expectPunctuation("]")
            return .array(elements)
        case .punctuation("{"):
            advance()
            var entries: [Pattern.ObjectPatternEntry] = []
            repeat {
                if isPunctuation(",") { advance() }
                switch current.kind {
                case .variable(let name):
                    advance()
                    var nested: Pattern?
                    if isPunctuation(":") {
                        advance()
                        nested = try parsePattern()
                    }
                    entries.append(Pattern.ObjectPatternEntry(variable: name, key: nil, pattern: nested))
                    continue
                case .identifier(let name), .keyword(let name):
                    advance()
                    try expectPunctuation(":")
                    entries.append(
                        Pattern.ObjectPatternEntry(
                            variable: nil, key: .literal(.string(name)), pattern: try parsePattern()))
                case .string:
                    let key = try parseStringLiteral(format: nil)
                    try expectPunctuation(":")
                    entries.append(Pattern.ObjectPatternEntry(variable: nil, key: key, pattern: try parsePattern()))
                case .punctuation("("):
                    advance()
                    let key = try parsePipe()
                    try expectPunctuation(")")
                    try expectPunctuation(":")
                    entries.append(Pattern.ObjectPatternEntry(variable: nil, key: key, pattern: try parsePattern()))
                default:
                    throw unexpected()
                }
            } while isPunctuation(",")
            try expectPunctuation("}")
            return .object(entries)
        default:
            throw unexpected()
        }
    }

    private mutating func parseDefinition() throws(QueryCompileError) -> FunctionDefinition {
        try expectKeyword("def")
        let name: String
        switch current.kind {
        case .identifier(let identifier), .keyword(let identifier): name = identifier
        default: throw unexpected()
        }
        advance()
        var parameters: [String] = []
        if isPunctuation("(") {
            advance()
            repeat {
                if isPunctuation(";") { advance() }
                switch current.kind {
                case .identifier(let parameter): parameters.append(parameter)
                case .variable(let parameter): parameters.append("$" + parameter)
                default: throw unexpected()
                }
                advance()
            } while isPunctuation(";")
            try expectPunctuation(")")
        }
        try expectPunctuation(":")
        let body = try parsePipe()
        try expectPunctuation(";")
        return FunctionDefinition(name: name, parameters: parameters, body: body)
    }
}
