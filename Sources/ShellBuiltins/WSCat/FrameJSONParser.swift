import ShellRuntime

/// A strict RFC 8259 parser over UTF-8 bytes that reports the offset of the first error.
///
/// Why wscat does not use JSONQuery's `JSONParser`: that one reads JSON as jq 1.7.1 does, so it accepts `nan` and
/// `01`, which LivePerson's server rejects, and words its errors as jq does (`at line 1, column 4`) without the
/// byte offset wscat's caret needs. Folding this into it means a strict mode with offsets there (issue 13's last
/// open point).
package struct FrameJSONParser {
    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0
    private static let maximumDepth = 512

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses one JSON document (surrounding whitespace allowed).
    package static func parse(_ text: String) throws(FrameJSONError) -> FrameJSON {
        var parser = FrameJSONParser(Array(text.utf8))
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.position == parser.bytes.count else {
            throw FrameJSONError(offset: parser.position, message: "unexpected text after the JSON value")
        }
        return value
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
    }

    private func failure(_ message: String) -> FrameJSONError {
        FrameJSONError(offset: position, message: current == nil ? "unexpected end of input: \(message)" : message)
    }

    private mutating func parseValue() throws(FrameJSONError) -> FrameJSON {
        switch current {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case let byte? where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte):
            return try parseNumber()
        case UInt8(ascii: "'"):
            throw failure("strings need double quotes")
        default:
            throw failure("expected a value")
        }
    }

    private mutating func parseLiteral(_ word: String, _ value: FrameJSON) throws(FrameJSONError) -> FrameJSON {
        for byte in word.utf8 {
            guard current == byte else { throw failure("expected \(word)") }
            position += 1
        }
        return value
    }

    private mutating func enter() throws(FrameJSONError) {
        depth += 1
        if depth > Self.maximumDepth { throw failure("nested more than \(Self.maximumDepth) levels") }
    }

    private mutating func parseObject() throws(FrameJSONError) -> FrameJSON {
        try enter()
        defer { depth -= 1 }
        position += 1
        var members: [FrameJSON.Member] = []
        members.reserveCapacity(8)  // a frame's object has a handful of members: one allocation, not four
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw failure(current == UInt8(ascii: "}") ? "trailing comma before }" : "expected a \"key\"")
            }
            let key = try parseString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw failure("expected : after the key") }
            position += 1
            skipWhitespace()
            members.append(FrameJSON.Member(key: key, value: try parseValue()))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return .object(members)
            default: throw failure("expected , or }")
            }
        }
    }

    private mutating func parseArray() throws(FrameJSONError) -> FrameJSON {
        try enter()
        defer { depth -= 1 }
        position += 1
        var elements: [FrameJSON] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "]") { throw failure("trailing comma before ]") }
            elements.append(try parseValue())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return .array(elements)
            default: throw failure("expected , or ]")
            }
        }
    }

    private mutating func parseNumber() throws(FrameJSONError) -> FrameJSON {
        let start = position
        if current == UInt8(ascii: "-") { position += 1 }
        guard let first = current, isDigit(first) else { throw failure("expected a digit") }
        position += 1
        if first != UInt8(ascii: "0") {
            while let byte = current, isDigit(byte) { position += 1 }
        }
        if current == UInt8(ascii: ".") {
            position += 1
            guard let byte = current, isDigit(byte) else { throw failure("expected a digit after .") }
            while let byte = current, isDigit(byte) { position += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard let byte = current, isDigit(byte) else { throw failure("expected a digit in the exponent") }
            while let byte = current, isDigit(byte) { position += 1 }
        }
        return .number(String(decoding: bytes[start..<position], as: UTF8.self))
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// A byte that stands for itself inside a string: not the closing quote, an escape or a control character.
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }

    private mutating func parseString() throws(FrameJSONError) -> String {
        position += 1
        // Most strings (keys, ids, types) hold no escape: made from their bytes at once.
        let start = position
        var end = start
        while end < bytes.count, Self.isPlain(bytes[end]) { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            position = end + 1
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        var result: [UInt8] = []
        while true {
            guard let byte = current else { throw failure("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: result, as: UTF8.self)
            case UInt8(ascii: "\\"):
                position += 1
                try parseEscape(into: &result)
            case 0x00..<0x20:
                throw failure(
                    byte == 0x0A ? "unterminated string (newline inside quotes)" : "control character in string")
            default:
                result.append(byte)
                position += 1
            }
        }
    }

    private mutating func parseEscape(into result: inout [UInt8]) throws(FrameJSONError) {
        guard let byte = current else { throw failure("unterminated string") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(byte)
        case UInt8(ascii: "b"): result.append(0x08)
        case UInt8(ascii: "f"): result.append(0x0C)
        case UInt8(ascii: "n"): result.append(0x0A)
        case UInt8(ascii: "r"): result.append(0x0D)
        case UInt8(ascii: "t"): result.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800..<0xDC00).contains(scalar), current == UInt8(ascii: "\\"),
                position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u")
            {
                position += 2
                let low = try parseHex4()
                if (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
            }
            result.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8))
        default:
            position -= 1
            throw failure("invalid escape \\\(Character(Unicode.Scalar(byte)))")
        }
    }

    private mutating func parseHex4() throws(FrameJSONError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = byte.hexDigitValue else {
                throw failure("expected 4 hex digits after \\u")
            }
            value = value * 16 + UInt32(digit)
            position += 1
        }
        return value
    }
}
