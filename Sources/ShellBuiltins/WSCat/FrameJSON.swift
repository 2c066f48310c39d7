/// A JSON value as `wscat` needs it: object members keep their order and numbers keep their spelling, so a
/// frame prints back the way it was written.
enum FrameJSON: Equatable, Sendable {
    case object([Member])
    case array([FrameJSON])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// One `"key": value` pair of an object.
    struct Member: Equatable, Sendable {
        var key: String
        var value: FrameJSON
    }

    /// The value of `key` when this is an object.
    subscript(key: String) -> FrameJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The text of a string, or the spelling of a number (ids are sent as either).
    var text: String? {
        switch self {
        case .string(let string): string
        case .number(let number): number
        default: nil
        }
    }

    /// The object with `key` set to `value` (appended when missing).
    func setting(_ key: String, to value: FrameJSON) -> FrameJSON {
        guard case .object(var members) = self else { return self }
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append(Member(key: key, value: value))
        }
        return .object(members)
    }
}

/// Where and why text is not JSON: a byte offset into the text and a message.
struct FrameJSONError: Error, Equatable, Sendable {
    /// Byte offset of the offending character (the text's length at an unexpected end).
    var offset: Int
    /// What was expected.
    var message: String

    /// Two or three lines: the message, the offending line, a caret under the offending character.
    func render(in text: String) -> String {
        let bytes = Array(text.utf8)
        let clamped = min(offset, bytes.count)
        var lineStart = clamped
        while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var lineEnd = clamped
        while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        let lineNumber = bytes[..<lineStart].filter { $0 == UInt8(ascii: "\n") }.count + 1
        let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        let before = String(decoding: bytes[lineStart..<clamped], as: UTF8.self)
        // A TAB before the caret stays a TAB so the caret lines up under the character.
        let padding = String(before.map { $0 == "\t" ? "\t" : " " })
        let location = lineNumber > 1 || text.contains("\n") ? "line \(lineNumber), " : ""
        return "invalid JSON (\(location)column \(before.count + 1)): \(message)\n  \(line)\n  \(padding)^"
    }
}
