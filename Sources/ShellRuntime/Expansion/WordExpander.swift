import ShellSyntax

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Expands words: parameters, command substitution, arithmetic, tildes, then field splitting and
/// pathname expansion (POSIX 2.6), in the order Oils' `word_eval` and `split` apply them.
struct WordExpander {
    let interpreter: Interpreter
    let io: IOStreams
    /// Unset variables the observer watches, referenced while expanding (the interpreter warns about them).
    var unsetReferences: [String] = []
    /// The status of the last command substitution, which becomes `$?` of an assignment-only command.
    var lastSubstitutionStatus: ExitStatus?

    init(interpreter: Interpreter, io: IOStreams) {
        self.interpreter = interpreter
        self.io = io
    }

    // MARK: Entry points

    /// Expands command words into fields (split and globbed).
    mutating func expandFields(_ words: [Word], state: inout ShellState) throws(ExpansionError) -> [String] {
        var result: [String] = []
        for word in words {
            var pieces: [ExpansionPiece] = []
            do {
                try expandParts(word.parts, context: .unquoted, into: &pieces, state: &state)
            } catch {
                throw error.located(at: word)
            }
            let splitter = FieldSplitter(ifs: state.variables["IFS"])
            for field in splitter.fields(of: pieces) {
                result.append(contentsOf: glob(field, state: state))
            }
        }
        return result
    }

    /// Expands a word to one string with no splitting or globbing (assignments, redirection targets, `case`).
    mutating func expandString(_ word: Word, state: inout ShellState) throws(ExpansionError) -> String {
        do {
            return try expandString(parts: word.parts, state: &state)
        } catch {
            throw error.located(at: word)
        }
    }

    mutating func expandString(parts: [WordPart], state: inout ShellState) throws(ExpansionError) -> String {
        var pieces: [ExpansionPiece] = []
        try expandParts(parts, context: .unquoted, into: &pieces, state: &state, joining: true)
        return FieldSplitter(ifs: state.variables["IFS"]).joined(pieces)
    }

    /// Expands a word as a pattern for `case` and `${x#pattern}`: quoted characters are escaped.
    mutating func expandPattern(_ word: Word, state: inout ShellState) throws(ExpansionError) -> String {
        var pieces: [ExpansionPiece] = []
        do {
            try expandParts(word.parts, context: .unquoted, into: &pieces, state: &state, joining: true)
        } catch {
            throw error.located(at: word)
        }
        return FieldSplitter(ifs: state.variables["IFS"]).pattern(pieces)
    }

    // MARK: Parts

    /// Where parts are being expanded.
    private enum PartContext {
        /// In a word outside quotes: source text is literal, expansions split.
        case unquoted
        /// In the operand of an unquoted `${x:-word}`: its source text splits too, as an expansion's result does.
        case operand
        /// Inside double quotes (or the operand of a double-quoted `${x:-word}`).
        case quoted
    }

    /// Appends the pieces of `parts`. `joining`: the word becomes one string (an assignment, a `case` word), so
    /// `"$@"` joins its parameters as `"$*"` does.
    private mutating func expandParts(
        _ parts: [WordPart],
        context: PartContext,
        into pieces: inout [ExpansionPiece],
        state: inout ShellState,
        joining: Bool = false
    ) throws(ExpansionError) {
        func append(_ value: String) {
            pieces.append(context == .quoted ? .quoted(value) : .expanded(value))
        }
        for part in parts {
            switch part {
            case .literal(let text):
                switch context {
                case .unquoted: pieces.append(.literal(text))
                case .operand: pieces.append(.expanded(text))
                case .quoted: pieces.append(.quoted(text))
                }
            case .escaped(let text), .singleQuoted(let text):
                pieces.append(.quoted(text))
            case .doubleQuoted(let inner):
                // `"$@"` with no parameters is no field at all; any other double-quoted text keeps its field.
                if !inner.contains(where: { Self.positionalName(of: $0) == "@" }) { pieces.append(.quoted("")) }
                try expandParts(inner, context: .quoted, into: &pieces, state: &state, joining: joining)
            case .tilde(let user):
                pieces.append(.quoted(tildeExpansion(user, state: state)))
            case _ where Self.positionalName(of: part) != nil:
                appendPositional(Self.positionalName(of: part)!, context: context, joining: joining, to: &pieces, state)
            case .parameterExpansion(let expansion):
                try expandParameter(expansion, context: context, into: &pieces, state: &state, joining: joining)
            default:
                append(try expandScalar(part, state: &state))
            }
        }
    }

    /// `$@` or `$*`: `"$*"` (and `"$@"` in a word that becomes one string) joins the parameters with the first
    /// character of `IFS`; `"$@"`, `$@` and `$*` give one field per parameter (each split, outside quotes), joined
    /// to the text around the first and the last.
    private func appendPositional(
        _ name: String,
        context: PartContext,
        joining: Bool,
        to pieces: inout [ExpansionPiece],
        _ state: ShellState
    ) {
        let values = state.positionalParameters
        if context == .quoted && (name == "*" || joining) {
            let separator = FieldSplitter(ifs: state.variables["IFS"]).separator
            pieces.append(.quoted(values.concatenated(separator: separator)))
            return
        }
        for (index, value) in values.enumerated() {
            if index > 0 { pieces.append(.fieldBreak) }
            pieces.append(context == .quoted ? .quoted(value) : .expanded(value))
        }
    }

    /// `@` or `*` when the part is `$@`, `$*`, `${@}` or `${*}`.
    private static func positionalName(of part: WordPart) -> String? {
        switch part {
        case .parameter(let name) where name == "@" || name == "*": name
        case .parameterExpansion(let expansion) where expansion.operation == .plain:
            expansion.name == "@" || expansion.name == "*" ? expansion.name : nil
        default: nil
        }
    }

    /// A `${…}` expansion: an operand chosen by `:-` or `:+` keeps its own quoting (`${u:-"a b" c}` is two fields).
    private mutating func expandParameter(
        _ expansion: ParameterExpansion,
        context: PartContext,
        into pieces: inout [ExpansionPiece],
        state: inout ShellState,
        joining: Bool
    ) throws(ExpansionError) {
        let operandContext: PartContext = context == .quoted ? .quoted : .operand
        let name = expansion.name
        if name == "@" || name == "*" {
            // `${@:-word}`, `${*+word}`: set when there are parameters, null when they join to nothing (`"$*"` with
            // the first character of IFS, the others with a space); otherwise the parameters as `$@` gives them.
            let values = state.positionalParameters
            let separator =
                name == "*" && context == .quoted ? FieldSplitter(ifs: state.variables["IFS"]).separator : " "
            let isNull = values.isEmpty || values.concatenated(separator: separator).isEmpty
            switch expansion.operation {
            case .useDefault(let word, let colon), .useAlternative(let word, let colon):
                var useWord = colon ? isNull : values.isEmpty
                if case .useAlternative = expansion.operation { useWord.toggle() }
                if useWord {
                    try expandParts(word.parts, context: operandContext, into: &pieces, state: &state, joining: joining)
                } else if case .useDefault = expansion.operation {
                    appendPositional(name, context: context, joining: joining, to: &pieces, state)
                }
                return
            default: break
            }
        }
        let value = parameterValue(name, state: state)
        switch expansion.operation {
        case .useDefault(let word, let colon) where value == nil || (colon && value!.isEmpty):
            try expandParts(word.parts, context: operandContext, into: &pieces, state: &state, joining: joining)
        case .useAlternative(let word, let colon):
            guard !(value == nil || (colon && value!.isEmpty)) else { return }
            try expandParts(word.parts, context: operandContext, into: &pieces, state: &state, joining: joining)
        default:
            let text = try expandParameter(expansion, state: &state)
            pieces.append(context == .quoted ? .quoted(text) : .expanded(text))
        }
    }

    /// Expands a part that yields one string.
    private mutating func expandScalar(_ part: WordPart, state: inout ShellState) throws(ExpansionError) -> String {
        switch part {
        case .literal(let text), .escaped(let text), .singleQuoted(let text):
            return text
        case .doubleQuoted(let inner):
            return try expandString(parts: inner, state: &state)
        case .tilde(let user):
            return tildeExpansion(user, state: state)
        case .parameter(let name):
            return try parameterValue(name, state: &state, checkUnset: true) ?? ""
        case .parameterExpansion(let expansion):
            return try expandParameter(expansion, state: &state)
        case .commandSubstitution(let script, let style):
            // A backquoted body is parsed from its unescaped copy: its ranges do not point into the running source.
            var inner = state
            if style == .backtick { inner.source = nil }
            let (output, status) = interpreter.captureOutput(of: script, state: inner, stderr: io.stderr)
            state.lastStatus = status
            lastSubstitutionStatus = status
            var bytes = output
            while bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
            if bytes.contains(0) {
                // A variable cannot hold a NUL (the environment and argv are C strings): dropped, as bash does.
                bytes.removeAll { $0 == 0 }
                let warning = "command substitution: ignored null byte in input"
                io.stderr.write(interpreter.renderer.render(warning: warning))
            }
            return String(shellBytes: bytes)
        case .arithmetic(let text):
            let expanded = try expandArithmeticText(text, state: &state)
            do {
                return String(try ArithmeticEvaluator.evaluate(expanded, state: &state))
            } catch {
                throw ExpansionError("\(expanded): \(error.message)", isFatal: error.isFatal)
            }
        }
    }

    private mutating func expandArithmeticText(_ text: String, state: inout ShellState) throws(ExpansionError)
        -> String
    {
        guard text.contains("$") || text.contains("`") else { return text }
        do {
            let parts = try Parser.parseExpandableText(text)
            return try expandString(parts: parts, state: &state)
        } catch var error as ExpansionError {
            // Words inside were parsed from `text` alone: their ranges do not point into the source, so the error
            // points at the whole `$((…))` word instead.
            error.range = nil
            throw error
        } catch {
            throw ExpansionError("\(text): bad arithmetic expression")
        }
    }

    // MARK: Parameters

    /// The value of a parameter, nil when unset.
    func parameterValue(_ name: String, state: ShellState) -> String? {
        switch name {
        case "?": return String(state.lastStatus.rawValue)
        case "$": return String(state.processID)
        case "#": return String(state.positionalParameters.count)
        case "0": return state.scriptName
        case "@", "*": return state.positionalParameters.concatenated(separator: " ")
        case "!": return state.lastBackgroundJob.map(String.init)
        case "-": return state.options.flagString
        default:
            if let first = name.utf8.first, first >= 48 && first <= 57 {
                guard let index = Int(name), index >= 1, index <= state.positionalParameters.count else { return nil }
                return state.positionalParameters[index - 1]
            }
            return state.variables[name]
        }
    }

    private mutating func parameterValue(_ name: String, state: inout ShellState, checkUnset: Bool)
        throws(ExpansionError) -> String?
    {
        let value = parameterValue(name, state: state)
        if value != nil, interpreter.observer.watches(variable: name) {
            interpreter.observer.didExpand(variable: name, state: &state, io: io)
        }
        if value == nil && checkUnset {
            if state.options.nounset && name != "@" && name != "*" {
                throw ExpansionError("\(name): unbound variable", isFatal: true)
            }
            if interpreter.observer.watches(variable: name) && !unsetReferences.contains(name) {
                unsetReferences.append(name)
            }
        }
        return value
    }

    private mutating func expandParameter(_ expansion: ParameterExpansion, state: inout ShellState)
        throws(ExpansionError) -> String
    {
        let name = expansion.name
        let value = parameterValue(name, state: state)
        func isMissing(_ colon: Bool) -> Bool { value == nil || (colon && value!.isEmpty) }
        switch expansion.operation {
        case .plain:
            return try parameterValue(name, state: &state, checkUnset: true) ?? ""
        case .length:
            return String((try parameterValue(name, state: &state, checkUnset: true) ?? "").count)
        case .useDefault(let word, let colon):
            return isMissing(colon) ? try expandString(word, state: &state) : value!
        case .assignDefault(let word, let colon):
            guard isMissing(colon) else { return value! }
            let newValue = try expandString(word, state: &state)
            guard VariableStore.isValidName(name) else { throw ExpansionError("$\(name): cannot assign in this way") }
            do {
                try state.variables.set(name, to: newValue)
            } catch {
                throw ExpansionError(error.description)
            }
            return newValue
        case .useAlternative(let word, let colon):
            return isMissing(colon) ? "" : try expandString(word, state: &state)
        case .errorIfUnset(let word, let colon):
            guard isMissing(colon) else { return value! }
            let message = try expandString(word, state: &state)
            throw ExpansionError("\(name): \(message.isEmpty ? "parameter null or not set" : message)", isFatal: true)
        case .removePrefix(let word, let longest):
            let text = value ?? ""
            let pattern = try expandPattern(word, state: &state)
            return PatternMatcher.removePrefix(pattern, from: text, longest: longest)
        case .removeSuffix(let word, let longest):
            let text = value ?? ""
            let pattern = try expandPattern(word, state: &state)
            return PatternMatcher.removeSuffix(pattern, from: text, longest: longest)
        }
    }

    // MARK: Tilde and globbing

    private func tildeExpansion(_ user: String, state: ShellState) -> String {
        if user.isEmpty {
            return state.variables["HOME"] ?? "~"
        }
        guard let entry = getpwnam(user), let directory = entry.pointee.pw_dir else { return "~" + user }
        return String(cString: directory)
    }

    private func glob(_ field: ExpandedField, state: ShellState) -> [String] {
        guard field.hasGlobCharacters, !state.options.noglob else { return [field.text] }
        let matches = PatternMatcher.glob(field.pattern, workingDirectory: state.workingDirectory)
        return matches.isEmpty ? [field.text] : matches
    }
}

extension ShellOptions {
    /// `$-`: the single-letter options that are on.
    var flagString: String {
        var flags = ""
        if allexport { flags += "a" }
        if errexit { flags += "e" }
        if noglob { flags += "f" }
        if nounset { flags += "u" }
        if verbose { flags += "v" }
        if xtrace { flags += "x" }
        if noclobber { flags += "C" }
        return flags
    }
}
