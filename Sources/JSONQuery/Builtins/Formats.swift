/// jq's `@name` string formats.
enum Formats {
    static func fail(_ message: String) -> QueryFailure { JSONValue.fail(message) }

    static func text(_ value: JSONValue) -> String {
        if case .string(let string) = value { return string }
        return JSONWriter.compactString(value)
    }

    static func apply(_ name: String, to value: JSONValue) throws -> String {
        switch name {
        case "text": return text(value)
        case "json": return JSONWriter.compactString(value)
        case "html":
            var result = ""
            for scalar in text(value).unicodeScalars {
                switch scalar {
                case "<": result += "&lt;"
                case ">": result += "&gt;"
                case "&": result += "&amp;"
                case "'": result += "&apos;"
                case "\"": result += "&quot;"
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result
        case "uri":
            var result = ""
            for byte in text(value).utf8 {
                if (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
                    || byte == 45 || byte == 95 || byte == 46 || byte == 126
                {
                    result.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    result += "%" + hex(byte)
                }
            }
            return result
        case "csv", "tsv":
            guard case .array(let row) = value else {
                throw fail("\(value.errorDescription) cannot be \(name)-formatted, only an array can be")
            }
            return try row.map { cell -> String in
                switch cell {
                case .null: return ""
                case .bool(let flag): return flag ? "true" : "false"
                case .number, .literal: return JSONWriter.compactString(cell)
                case .string(let string):
                    if name == "csv" { return "\"" + string.replacingAll("\"", with: "\"\"") + "\"" }
                    return string.replacingAll("\\", with: "\\\\").replacingAll("\t", with: "\\t")
                        .replacingAll("\n", with: "\\n").replacingAll("\r", with: "\\r")
                default: throw fail("\(cell.errorDescription) is not valid in a csv row")
                }
            }.joined(separator: name == "csv" ? "," : "\t")
        case "sh":
            let items: [JSONValue]
            if case .array(let array) = value { items = array } else { items = [value] }
            return try items.map { item -> String in
                switch item {
                case .string(let string): return "'" + string.replacingAll("'", with: "'\\''") + "'"
                case .array, .object: throw fail("\(item.errorDescription) can not be escaped for shell")
                default: return JSONWriter.compactString(item)
                }
            }.joined(separator: " ")
        case "base64": return Base64.encode(Array(text(value).utf8))
        case "base64d":
            let input = text(value)
            guard let bytes = Base64.decode(input) else {
                let reason = Base64.hasTrailingByte(input) ? "trailing base64 byte found" : "is not valid base64 data"
                throw fail("\(value.errorDescription) \(reason)")
            }
            return String(decoding: bytes, as: UTF8.self)
        case "base32": return Base32.encode(Array(text(value).utf8))
        case "base32d":
            guard let bytes = Base32.decode(text(value)) else {
                throw fail("\(value.errorDescription) is not valid base32 data")
            }
            return String(decoding: bytes, as: UTF8.self)
        default:
            throw fail("\(name) is not a valid format")
        }
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        JSONValue.split(self, by: target).joined(separator: replacement)
    }
}

/// Base64 (RFC 4648, with padding) as `@base64` and `@base64d` use it.
enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = UInt32(bytes[index])
            let b1 = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
            let b2 = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            output.append(alphabet[Int(triple >> 18 & 63)])
            output.append(alphabet[Int(triple >> 12 & 63)])
            output.append(index + 1 < bytes.count ? alphabet[Int(triple >> 6 & 63)] : 61)
            output.append(index + 2 < bytes.count ? alphabet[Int(triple & 63)] : 61)
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// True when `text` is base64 but for one character left over after the last group of four (jq's
    /// "trailing base64 byte found").
    static func hasTrailingByte(_ text: String) -> Bool {
        let characters = text.utf8.prefix { $0 != 61 }
        return characters.allSatisfy { alphabet.contains($0) } && characters.count % 4 == 1
    }

    /// Decodes, ignoring trailing padding; nil when a character is outside the alphabet or the data is truncated.
    static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt32] = []
        for byte in text.utf8 {
            if byte == 61 { break }
            guard let position = alphabet.firstIndex(of: byte) else { return nil }
            values.append(UInt32(position))
        }
        if values.count % 4 == 1 { return nil }
        var output: [UInt8] = []
        var index = 0
        while index < values.count {
            let chunk = values[index..<min(index + 4, values.count)]
            var accumulator: UInt32 = 0
            for value in chunk { accumulator = accumulator << 6 | value }
            accumulator <<= UInt32(6 * (4 - chunk.count))
            let produced = chunk.count - 1
            for shift in [16, 8, 0].prefix(produced) { output.append(UInt8(accumulator >> UInt32(shift) & 0xFF)) }
            index += 4
        }
        return output
    }
}

/// Base32 (RFC 4648) for `@base32` and `@base32d`.
enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 5, bytes.count)])
            var buffer: UInt64 = 0
            for offset in 0..<5 { buffer = buffer << 8 | UInt64(offset < chunk.count ? chunk[offset] : 0) }
            let characters = [0, 2, 4, 5, 7, 8][chunk.count]
            for position in 0..<8 {
                if position < characters {
                    output.append(alphabet[Int(buffer >> UInt64(35 - position * 5) & 31)])
                } else {
                    output.append(61)
                }
            }
            index += 5
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer: UInt64 = 0
        var bits = 0
        for byte in text.utf8 {
            if byte == 61 { break }
            guard let value = alphabet.firstIndex(of: byte) else { return nil }
            buffer = buffer << 5 | UInt64(value)
            bits += 5
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(buffer >> UInt64(bits) & 0xFF))
            }
        }
        return output
    }
}
