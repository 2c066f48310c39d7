import ShellRuntime
import ShellSyntax

/// A JSON value as `wscat` needs it: object members keep their order and numbers keep their spelling, so a
/// frame prints back the way it was written.
package enum FrameJSON: Equatable, Sendable {
    case object([Member])
    case array([FrameJSON])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// One `"key": value` pair of an object.
    package struct Member: Equatable, Sendable {
        package var key: String
        package var value: FrameJSON

        package init(key: String, value: FrameJSON) {
            self.key = key
            self.value = value
        }
    }

    /// The value of `key` when this is an object.
    package subscript(key: String) -> FrameJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The text of a string, or the spelling of a number (ids are sent as either).
    package var text: String? {
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
package struct FrameJSONError: Error, Equatable, Sendable {
    /// Byte offset of the offending character (the text's length at an unexpected end).
    var offset: Int
    /// What was expected.
    var message: String

    /// Two or three lines: the message, the offending line (cut around the caret when long), a caret under the
    /// offending character.
    func render(in text: String) -> String {
        let excerpt = SourceExcerpt(text: text, range: SourceRange(start: offset, end: offset))
        let location = excerpt.lineIndex > 0 || text.contains("\n") ? "line \(excerpt.lineIndex + 1), " : ""
        return
            "invalid JSON (\(location)column \(excerpt.column)): \(message)\n  \(excerpt.line)\n  \(excerpt.caretIndent)^"
    }
}
