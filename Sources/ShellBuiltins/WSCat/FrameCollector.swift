import JSONQuery

/// Gathers typed or pasted lines into frames: a line starting with `{` or `[` opens a JSON frame that may span
/// several lines (the docs print frames pretty-printed with TABs); it is complete when its brackets balance
/// outside strings. Complete JSON is validated before it may be sent.
struct FrameCollector {
    /// What one line produced.
    enum Outcome: Equatable {
        /// Nothing to send: a blank line outside a frame.
        case empty
        /// The line belongs to a frame that is not complete yet.
        case needsMore
        /// A frame to send: the text for the wire and, when it is JSON, its parsed value.
        case frame(String, JSONValue?)
        /// The frame is not valid JSON: the rendered error (message, line, caret). Nothing is sent.
        case invalid(String)
    }

    private var lines: [String] = []
    private var depth = 0
    private var inString = false
    private var escaped = false
    /// The last byte outside strings and whitespace in the open frame.
    private var lastSignificant: UInt8?
    /// True for a frame that is handed on even when it is not JSON: it holds a placeholder that filling makes
    /// valid (`"sequenceList":[ __SEQUENCE__ ]`); the dialect checks it once filled.
    var passesUnparsed: (String) -> Bool = { _ in false }

    /// True while a multi-line frame is open (the prompt shows a continuation mark).
    var isCollecting: Bool { !lines.isEmpty }

    /// Feeds one line (without its newline).
    mutating func feed(_ line: String) -> Outcome {
        if lines.isEmpty {
            let trimmed = line.trimmingWhitespace
            guard let first = trimmed.first else { return .empty }
            guard first == "{" || first == "[" else { return Self.single(trimmed) }
        }
        lines.append(line)
        scan(line)
        guard depth <= 0 && !inString else { return .needsMore }
        return complete()
    }

    /// True when `line` cannot belong to the open frame: a slash command, or a new object or array where the open
    /// frame expects no value (after `{"a":1` comes `,` or `}`, never `{`). The open frame is then abandoned
    /// (reported with `finish()`) instead of swallowing the rest of the input.
    func cannotContinue(with line: String) -> Bool {
        guard isCollecting, let first = line.trimmingWhitespace.first else { return false }
        if first == "/" { return true }
        guard first == "{" || first == "[" else { return false }
        guard let last = lastSignificant else { return false }
        return !"[,:".utf8.contains(last)
    }

    /// At end of input: the open frame, reported as incomplete; nil when none is open.
    mutating func finish() -> Outcome? {
        guard isCollecting else { return nil }
        return complete()
    }

    /// Drops an open frame (Ctrl-C).
    mutating func reset() {
        lines.removeAll(keepingCapacity: true)
        depth = 0
        inString = false
        escaped = false
        lastSignificant = nil
    }

    private mutating func complete() -> Outcome {
        let text = lines.count == 1 ? lines[0] : lines.joined(separator: "\n")
        let multiLine = lines.count > 1
        reset()
        do {
            let value = try FrameJSON.parse(text)
            return .frame(multiLine ? FrameJSON.compact(value) : text.trimmingWhitespace, value)
        } catch {
            if passesUnparsed(text) { return .frame(text, nil) }
            return .invalid(FrameJSON.describe(error, in: text))
        }
    }

    /// A line that does not open an object or array: JSON-looking text is validated, other text goes as is.
    private static func single(_ text: String) -> Outcome {
        guard let first = text.first, "\"}]:,".contains(first) else { return .frame(text, nil) }
        do {
            return .frame(text, try FrameJSON.parse(text))
        } catch {
            return .invalid(FrameJSON.describe(error, in: text))
        }
    }

    private mutating func scan(_ line: String) {
        for byte in line.utf8 {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            if byte != 0x20 && byte != 0x09 && byte != 0x0D { lastSignificant = byte }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        // A string never spans lines in JSON: an unterminated one ends at the line break so the parser can
        // point at it instead of swallowing the rest of the paste.
        if inString {
            inString = false
            escaped = false
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, TABs and carriage returns.
    var trimmingWhitespace: String {
        // Most lines (every frame of a batch) have nothing to trim: their first and last bytes tell, without the
        // grapheme breaking the general case needs (a space, TAB, CR or LF is always one byte and one scalar).
        let isSpaceByte: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return "" }
        if !isSpaceByte(firstByte) && !isSpaceByte(lastByte) { return self }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
