import JSONQuery
import ShellRuntime
import ShellSyntax

/// JSON as wscat reads and writes frames: JSONQuery's parser and writer, with RFC 8259's grammar (LivePerson's
/// servers reject jq's `nan` and `01`) and errors as a caret under the offending character.
package enum FrameJSON {
    /// Parses one JSON document (surrounding whitespace allowed).
    package static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try JSONParser.parseSingle(text, grammar: .rfc8259)
    }

    /// One line, for transcripts and the wire: `{"kind":"req","id":1}`.
    package static func compact(_ value: JSONValue) -> String { JSONWriter.compactString(value) }

    /// Indented by two spaces, coloured as jq colours its output when `color` is set.
    static func pretty(_ value: JSONValue, color: Bool) -> String {
        var options = JSONWriter.Options()
        options.colors = color ? .default : nil
        var writer = JSONWriter(options: options)
        writer.write(value)
        return String(decoding: writer.buffer, as: UTF8.self)
    }

    /// True when `text`, if it is JSON, is exactly what `compact` prints for it: no whitespace outside strings, no
    /// escape and no control character anywhere (the writer may spell an escape differently: `\/`, `\u00e9`).
    static func isCompact(_ text: String) -> Bool {
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            var inString = false
            for byte in bytes where byte <= UInt8(ascii: "\\") {
                switch byte {
                case UInt8(ascii: "\\"), 0x00..<0x20: return false
                case UInt8(ascii: "\""): inString.toggle()
                case 0x20: if !inString { return false }
                default: break
                }
            }
            return true
        }
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    /// Two or three lines: `invalid JSON (column 22): trailing comma before }`, the offending line (cut around the
    /// caret when long), a caret under the offending character.
    package static func describe(_ error: JSONParseError, in text: String) -> String {
        let offset = min(error.offset, text.utf8.count)
        let excerpt = SourceExcerpt(text: text, range: SourceRange(start: offset, end: offset))
        let location = excerpt.lineIndex > 0 || text.contains("\n") ? "line \(excerpt.lineIndex + 1), " : ""
        return "invalid JSON (\(location)column \(excerpt.column)): \(error.explanation)\n  \(excerpt.line)\n  "
            + "\(excerpt.caretIndent)^"
    }
}

extension JSONValue {
    /// The value of `key` when this is an object.
    package subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The text of a string, or a number as JSON spells it (ids are sent as either).
    package var text: String? {
        switch self {
        case .string(let string): string
        case .number, .literal: JSONWriter.compactString(self)
        default: nil
        }
    }
}
