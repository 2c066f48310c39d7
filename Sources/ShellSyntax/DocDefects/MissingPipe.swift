/// Finds the pages' missing `|` before `jq` in a curl command, `curl … "https://…/login?v=1.1"  jq -r .bearer`
/// (also inside `` `…` `` or `$(…)`), and writes the command with the `|` put back
/// (``DocDefect/missingPipe(corrected:)``).
///
/// The signal: an unquoted `jq` word among curl's arguments, not after an option (`-o jq` names a file), followed
/// by a word that looks like jq's filter or option (`.bearer`, `-r`, `'.[0]'`).
enum MissingPipe {
    /// The index of the `jq` word of a curl command without the `|` before it, or nil.
    static func jqIndex(in command: SimpleCommand) -> Int? {
        let words = command.words
        guard words.count >= 4, isLiteral(words[0], "curl") else { return nil }
        for index in 2..<(words.count - 1) where isLiteral(words[index], "jq") {
            if case .literal(let previous)? = words[index - 1].parts.first, previous.hasPrefix("-") { continue }
            if looksLikeJQArgument(words[index + 1]) { return index }
        }
        return nil
    }

    static func isLiteral(_ word: Word, _ text: String) -> Bool {
        guard word.parts.count == 1, case .literal(let value) = word.parts[0] else { return false }
        return value == text
    }

    /// `.bearer`, `-r`, `--raw-output`; quoted also `'.[0]'`, `'{a: .b}'`.
    static func looksLikeJQArgument(_ word: Word) -> Bool {
        switch word.parts.first {
        case .literal(let text)?: text.hasPrefix(".") || text.hasPrefix("-")
        case .singleQuoted(let text)?: text.first.map { ".-[{".contains($0) } ?? false
        case .doubleQuoted(let inner)?:
            if case .literal(let text)? = inner.first { text.first.map { ".-[{".contains($0) } ?? false } else { false }
        default: false
        }
    }

    /// The curl command as a pipeline into jq: the assignments stay with curl, the redirections go with jq (they
    /// follow it on the line).
    static func split(_ command: SimpleCommand, at index: Int) -> [Command] {
        let curl = SimpleCommand(
            assignments: command.assignments, words: Array(command.words[..<index]), redirections: [],
            range: command.range)
        let jq = SimpleCommand(
            assignments: [], words: Array(command.words[index...]), redirections: command.redirections,
            range: command.range)
        return [.simple(curl), .simple(jq)]
    }

    /// Whether a word holds a command substitution (where the defect may hide); cheap, for every command run.
    static func containsSubstitution(_ parts: [WordPart]) -> Bool {
        parts.contains { part in
            switch part {
            case .commandSubstitution: true
            case .doubleQuoted(let inner): containsSubstitution(inner)
            default: false
            }
        }
    }

    /// `script` with the `|` put back in each of its curl commands that lack it; nil when none does.
    static func rewrite(_ script: Script) -> Script? {
        var result = script
        var changed = false
        for item in result.items.indices {
            var pipelines = [result.items[item].andOr.first] + result.items[item].andOr.rest.map(\.1)
            for pipeline in pipelines.indices {
                var commands: [Command] = []
                for command in pipelines[pipeline].commands {
                    guard case .simple(let simple) = command else {
                        commands.append(command)
                        continue
                    }
                    if let index = jqIndex(in: simple) {
                        commands += split(simple, at: index)
                        changed = true
                    } else if let rewritten = rewriteSubstitutions(simple) {
                        commands.append(.simple(rewritten))
                        changed = true
                    } else {
                        commands.append(command)
                    }
                }
                pipelines[pipeline].commands = commands
            }
            result.items[item].andOr.first = pipelines[0]
            for index in result.items[item].andOr.rest.indices {
                result.items[item].andOr.rest[index].1 = pipelines[index + 1]
            }
        }
        return changed ? result : nil
    }

    /// `command` with the `|` put back inside its command substitutions; nil when none lacks it.
    static func rewriteSubstitutions(_ command: SimpleCommand) -> SimpleCommand? {
        var result = command
        var changed = false
        for index in result.assignments.indices {
            if let parts = rewrite(result.assignments[index].value.parts) {
                result.assignments[index].value.parts = parts
                changed = true
            }
        }
        for index in result.words.indices {
            if let parts = rewrite(result.words[index].parts) {
                result.words[index].parts = parts
                changed = true
            }
        }
        return changed ? result : nil
    }

    static func rewrite(_ parts: [WordPart]) -> [WordPart]? {
        guard containsSubstitution(parts) else { return nil }
        var result = parts
        var changed = false
        for index in result.indices {
            switch result[index] {
            case .commandSubstitution(let script, let style):
                if let rewritten = rewrite(script) {
                    result[index] = .commandSubstitution(rewritten, style)
                    changed = true
                }
            case .doubleQuoted(let inner):
                if let rewritten = rewrite(inner) {
                    result[index] = .doubleQuoted(rewritten)
                    changed = true
                }
            default: break
            }
        }
        return changed ? result : nil
    }

    /// Where the `jq` word of a substitution's curl command may be in the outer text, when the substitution opens
    /// its word (`` `curl … jq -r .bearer` ``, `$(curl …)`, `"$(curl …)"`): guesses the caller checks against the
    /// text (a backtick body's ranges count from its first byte, and its escapes shift them).
    static func jqRangesInSubstitution(of command: SimpleCommand) -> [SourceRange] {
        for word in command.assignments.map(\.value) + command.words {
            var opening = word.range.start
            var first = word.parts.first
            if case .doubleQuoted(let inner)? = first {
                opening += 1
                first = inner.first
            }
            guard case .commandSubstitution(let script, let style)? = first else { continue }
            let bodyStart = opening + (style == .backtick ? 1 : 2)
            for item in script.items {
                for pipeline in [item.andOr.first] + item.andOr.rest.map(\.1) {
                    for case .simple(let simple) in pipeline.commands {
                        if let index = jqIndex(in: simple) {
                            let range = simple.words[index].range
                            // `$(…)` is parsed in place (its ranges are the text's), a backtick body on its own.
                            return [range, SourceRange(start: bodyStart + range.start, end: bodyStart + range.end)]
                        }
                    }
                }
            }
        }
        return []
    }

    /// The command's text in `source` with ` | ` before `jq` (the blanks before it folded into one), when `jq` is at
    /// `jq` in `source` and within the command; nil otherwise.
    static func typed(_ command: SourceRange, jq: SourceRange, in source: String) -> String? {
        let bytes = Array(source.utf8)
        guard command.start >= 0, command.start <= jq.start, jq.end <= command.end, command.end <= bytes.count,
            bytes[jq.start..<jq.end].elementsEqual("jq".utf8)
        else { return nil }
        var before = jq.start
        while before > command.start, bytes[before - 1] == UInt8(ascii: " ") || bytes[before - 1] == UInt8(ascii: "\t")
        {
            before -= 1
        }
        return String(decoding: bytes[command.start..<before], as: UTF8.self) + " | "
            + String(decoding: bytes[jq.start..<command.end], as: UTF8.self)
    }

    static func text(of commands: [Command], range: SourceRange) -> String {
        ASTPrinter.print(Script(items: [ListItem(andOr: AndOrList(first: Pipeline(commands: commands, range: range)))]))
    }
}

extension DocDefect {
    /// The missing `|` before `jq` in `command` or in its command substitutions, with the `jq` word's range when
    /// known (in the command's own text; inside a substitution a guess to check against the text); nil when the
    /// command has no such defect. Checked before the command's words are expanded, so nothing is fetched.
    ///
    /// The corrected command is the command's own text with ` | ` before `jq` when `source` (the text the command
    /// was parsed from) holds it there; otherwise the command printed from its syntax tree.
    public static func missingPipe(in command: SimpleCommand, source: String? = nil)
        -> (defect: DocDefect, jqRange: SourceRange?)?
    {
        var printed: String
        var ranges: [SourceRange]
        if let index = MissingPipe.jqIndex(in: command) {
            printed = MissingPipe.text(of: MissingPipe.split(command, at: index), range: command.range)
            ranges = [command.words[index].range]
        } else {
            guard
                command.words.contains(where: { MissingPipe.containsSubstitution($0.parts) })
                    || command.assignments.contains(where: { MissingPipe.containsSubstitution($0.value.parts) }),
                let rewritten = MissingPipe.rewriteSubstitutions(command)
            else { return nil }
            printed = MissingPipe.text(of: [.simple(rewritten)], range: command.range)
            ranges = MissingPipe.jqRangesInSubstitution(of: command)
        }
        if let source {
            for range in ranges {
                if let typed = MissingPipe.typed(command.range, jq: range, in: source) {
                    return (.missingPipe(corrected: typed), range)
                }
            }
        }
        return (.missingPipe(corrected: printed), nil)
    }
}
