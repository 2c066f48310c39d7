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
        return "{[}]\",:".contains(first) ? .frame : .shell
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
