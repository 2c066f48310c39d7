/// The REPL's (and `replay`'s) "need more input" state: lines are collected until they parse (an open quote, backtick,
/// trailing `|` or missing `fi` asks for more, with the PS2 prompt), then handed over as one command.
///
/// It also drops a prompt pasted with a command from the docs (`> echo $LP_JWT`, `$ curl …`) at the start of
/// a command, with a note, since bash would redirect to a file named `echo` instead; only where commands are
/// pasted (the REPL, standard input, `-c`): in a script file `> file` is a redirection, as in any shell.
public struct ContinuationState {
    /// What feeding a line produced.
    public enum Event: Equatable {
        /// More lines are needed; show the continuation prompt.
        case needsMoreInput
        /// A complete command (possibly several lines).
        case complete(Script, source: String, notes: [String])
        /// A syntax error that more input cannot fix.
        case syntaxError(SyntaxError, source: String, notes: [String])
        /// Nothing to run (blank line or comment).
        case empty
    }

    private var lines: [String] = []
    private var notes: [String] = []
    /// False for a script file, whose lines are a program, not a paste.
    private let stripsPastedPrompts: Bool

    public init(stripsPastedPrompts: Bool = true) {
        self.stripsPastedPrompts = stripsPastedPrompts
    }

    /// True while lines are being collected.
    public var isContinuing: Bool { !lines.isEmpty }

    /// Adds a line and reports whether a command is complete.
    public mutating func feed(_ line: String) -> Event {
        var line = line
        if stripsPastedPrompts,
            let stripped = ContinuationState.strippingPastedPrompt(line, atCommandStart: isCommandStart)
        {
            notes.append("dropped the pasted prompt `\(line.prefix(1))` before the command (it is not part of it)")
            line = stripped
        }
        lines.append(line)
        let source = joinedLines
        do {
            let script = try Parser.parse(source)
            let collectedNotes = notes
            reset()
            if script.items.isEmpty { return .empty }
            return .complete(script, source: source, notes: collectedNotes)
        } catch {
            if error.isIncomplete { return .needsMoreInput }
            let collectedNotes = notes
            reset()
            return .syntaxError(error, source: source, notes: collectedNotes)
        }
    }

    /// The collected lines as one source text; a single line as it is (the generic `joined` costs a metadata
    /// lookup at start-up, and `-c` gives one line).
    private var joinedLines: String {
        lines.count == 1 ? lines[0] : lines.joined(separator: "\n")
    }

    /// At end of input: the collected lines are an incomplete command.
    public mutating func finish() -> Event? {
        guard !lines.isEmpty else { return nil }
        let source = joinedLines
        let collectedNotes = notes
        reset()
        do {
            _ = try Parser.parse(source)
            return nil
        } catch {
            return .syntaxError(error, source: source, notes: collectedNotes)
        }
    }

    public mutating func reset() {
        lines.removeAll(keepingCapacity: true)
        notes.removeAll()
    }

    /// A pasted prompt can only stand at the start of a command: the first line, or after a trailing `\`.
    private var isCommandStart: Bool { lines.isEmpty }

    /// The line without a leading `> ` or `$ ` prompt (and the blanks after it), or nil when there is none.
    public static func strippingPastedPrompt(_ line: String, atCommandStart: Bool) -> String? {
        guard atCommandStart, startsWithPromptCharacter(line) else { return nil }
        let trimmed = line.drop { $0 == " " }
        guard trimmed.hasPrefix("> ") || trimmed.hasPrefix("$ ") else { return nil }
        let rest = trimmed.dropFirst(2).drop { $0 == " " || $0 == "\t" }
        guard !rest.isEmpty else { return nil }
        return String(rest)
    }

    /// A cheap look at the bytes before the exact check: is the first non-blank byte a `>` or `$`? (Most lines are
    /// not pasted prompts, and the check on characters costs more than the parse of a short line.)
    private static func startsWithPromptCharacter(_ line: String) -> Bool {
        let first = line.utf8.first { $0 != UInt8(ascii: " ") }
        return first == UInt8(ascii: ">") || first == UInt8(ascii: "$")
    }
}
