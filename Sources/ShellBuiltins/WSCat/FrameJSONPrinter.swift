import ShellRuntime

/// Writes a ``FrameJSON`` compactly (one line, for transcripts and the wire) or indented and coloured like jq.
package struct FrameJSONPrinter {
    /// Indent nested values by two spaces per level.
    var pretty = false
    /// ANSI colours as jq uses them: keys blue, strings green, null grey.
    var color = false

    private enum Color {
        static let key = TerminalStyle.Attribute("34;1")
        static let string = TerminalStyle.Attribute("0;32")
        static let null = TerminalStyle.Attribute("1;30")
        static let literal = TerminalStyle.Attribute("0;39")
    }

    /// One line: `{"kind":"req","id":1}`.
    package static func compact(_ value: FrameJSON) -> String { FrameJSONPrinter().string(value) }

    /// True when `text`, if it is JSON, is exactly what `compact` prints for it: no whitespace outside strings, no
    /// escape and no control character anywhere (the printer may spell an escape differently: `\/`, `\u00e9`).
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

    /// The value as text.
    func string(_ value: FrameJSON) -> String {
        var output = ""
        write(value, indent: 0, to: &output)
        return output
    }

    private func write(_ value: FrameJSON, indent: Int, to output: inout String) {
        switch value {
        case .null: painted("null", Color.null, &output)
        case .bool(let flag): painted(flag ? "true" : "false", Color.literal, &output)
        case .number(let number): painted(number, Color.literal, &output)
        case .string(let string): painted(Self.quoted(string), Color.string, &output)
        case .array(let elements):
            guard !elements.isEmpty else {
                output += "[]"
                return
            }
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                newline(indent + 1, &output)
                write(element, indent: indent + 1, to: &output)
            }
            newline(indent, &output)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                newline(indent + 1, &output)
                painted(Self.quoted(member.key), Color.key, &output)
                output += pretty ? ": " : ":"
                write(member.value, indent: indent + 1, to: &output)
            }
            newline(indent, &output)
            output += "}"
        }
    }

    private func newline(_ indent: Int, _ output: inout String) {
        guard pretty else { return }
        output += "\n" + String(repeating: "  ", count: indent)
    }

    private func painted(_ text: String, _ attribute: TerminalStyle.Attribute, _ output: inout String) {
        output += TerminalStyle(usesColor: color).paint(text, attribute)
    }

    /// A JSON string literal with the escapes RFC 8259 requires.
    static func quoted(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
