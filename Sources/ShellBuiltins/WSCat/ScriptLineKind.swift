/// What a line of the script after `wscat` is, in batch mode: the frames a page prints after its wscat command end
/// at the first line that is none of them, which the shell then runs (a pasted page needs no `/close`). Decided on
/// the line's text alone, so what the shell runs never depends on when the server closes the socket.
enum ScriptLineKind: Equatable {
    /// (Part of) a frame: a line starting with `{` or `[` (or a stray `}`, `]`, `"`, `,`, `:`), or any line that
    /// can continue the frame left open.
    case frame
    /// A slash command (`/wait 3`, `/close`); a path such as `/usr/bin/curl` is a shell command.
    case command
    /// A blank line or a `#` comment: nothing to send.
    case nothing
    /// A shell command (`curl …`, `LP_JWT=…`, `echo`): it ends the frames.
    case shell

    /// The kind of `line`; `inFrame` when a multi-line frame is open (a `}` or an indented `"key": value` line
    /// then continues it).
    static func of(_ line: String, inFrame: Bool) -> ScriptLineKind {
        let trimmed = line.trimmingWhitespace
        guard let first = trimmed.first else { return inFrame ? .frame : .nothing }
        if SlashCommands.isCommand(trimmed) {
            // `/usr/bin/curl …` is a program, not a command named `/usr`.
            return trimmed.dropFirst().prefix { $0 != " " && $0 != "\t" }.contains("/") ? .shell : .command
        }
        if inFrame { return cannotBeJSON(trimmed) ? .shell : .frame }
        if first == "#" { return .nothing }
        guard "{[}]\",:".contains(first) else { return .shell }
        if first == "{", firstStringIsNoKey(trimmed.dropFirst()) { return .shell }
        return opensShellSyntax(trimmed) ? .shell : .frame
    }

    /// True when `afterBrace` starts with a quoted string that closes on the line and is not followed by `:`: no
    /// JSON object starts that way, while the agent page's `{ "https://…/skills?v=2.0" -H "Authorization: …" }`
    /// (a curl line without `curl`) does, and the shell explains it.
    private static func firstStringIsNoKey(_ afterBrace: Substring) -> Bool {
        let text = afterBrace.drop { $0 == " " || $0 == "\t" }
        guard text.first == "\"" else { return false }
        var escaped = false
        for index in text.indices.dropFirst() {
            let character = text[index]
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                let next = text[text.index(after: index)...].first { $0 != " " && $0 != "\t" }
                return next != nil && next != ":"
            }
        }
        return false
    }

    /// True for a test or a brace group, which start like JSON: `[ -n "$X" ]`, `[[ $X ]]`, `[ ! -f x ]`,
    /// `{ echo a; }` (a word that is no key after `{`).
    private static func opensShellSyntax(_ trimmed: String) -> Bool {
        if trimmed.hasPrefix("[[") { return true }
        guard let first = trimmed.first, first == "[" || first == "{" else { return false }
        let rest = trimmed.dropFirst()
        guard let space = rest.first, space == " " || space == "\t" else { return false }
        let inner = rest.drop { $0 == " " || $0 == "\t" }
        if first == "{" { return cannotBeJSON(String(inner)) }
        if inner.hasPrefix("!") || inner.hasPrefix("$") || inner.hasPrefix("\"$") { return true }
        guard inner.first == "-", let letter = inner.dropFirst().first else { return false }
        return letter.isLetter
    }

    /// True for a line no JSON text continues with: a word that is not `true`, `false` or `null` and is not a key
    /// written without quotes (`kind: "req"`, as some pages print frames), or a shell word such as `$X`, `./x`.
    private static func cannotBeJSON(_ trimmed: String) -> Bool {
        guard let first = trimmed.unicodeScalars.first else { return false }
        if "$`.~".unicodeScalars.contains(first) { return true }
        guard first.properties.isAlphabetic else { return false }
        let word = trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        if ["true", "false", "null"].contains(word) { return false }
        let after = trimmed.dropFirst(word.count).drop(while: { $0 == " " || $0 == "\t" }).first
        return after != ":"
    }
}
