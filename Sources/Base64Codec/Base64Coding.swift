/// Base64 (RFC 4648) in both alphabets: the one codec of `base64`, `jwt`, curl's `-u`, the token summaries and
/// the sandbox's token signer.
package enum Base64Coding {
    private static let standard = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Standard alphabet, padded.
    package static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let first = bytes[index]
            let second = index + 1 < bytes.count ? bytes[index + 1] : 0
            let third = index + 2 < bytes.count ? bytes[index + 2] : 0
            output.append(standard[Int(first >> 2)])
            output.append(standard[Int((first & 0x03) << 4 | second >> 4)])
            output.append(index + 1 < bytes.count ? standard[Int((second & 0x0F) << 2 | third >> 6)] : 61)
            output.append(index + 2 < bytes.count ? standard[Int(third & 0x3F)] : 61)
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The 6-bit value of a standard-alphabet character, or nil.
    package static func standardValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - 65
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - 71
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte + 4
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }

    /// The 6-bit value in either alphabet (`-` and `_` as well as `+` and `/`).
    package static func lenientValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "-"): 62
        case UInt8(ascii: "_"): 63
        default: standardValue(byte)
        }
    }

    /// Strict standard decoding as GNU `base64 -d` does it: the bytes decoded before the first error, and
    /// whether the whole input was valid. Padding must complete each 4-character group; groups may follow
    /// padding (`YQ==YQ==`).
    package static func decodeStrict(_ characters: [UInt8]) -> (bytes: [UInt8], valid: Bool) {
        var output: [UInt8] = []
        var group: [UInt8] = []
        var index = 0
        while index < characters.count {
            let byte = characters[index]
            if byte == UInt8(ascii: "=") {
                // `xx==` or `xxx=` ends a group.
                let needed = 4 - group.count
                guard group.count >= 2,
                    index + needed <= characters.count,
                    characters[index..<(index + needed)].allSatisfy({ $0 == UInt8(ascii: "=") })
                else {
                    output += flush(group)
                    return (output, false)
                }
                output += flush(group)
                group = []
                index += needed
                continue
            }
            guard let value = standardValue(byte) else {
                output += flush(group)
                return (output, false)
            }
            group.append(value)
            if group.count == 4 {
                output += flush(group)
                group = []
            }
            index += 1
        }
        if !group.isEmpty {
            output += flush(group)
            return (output, false)
        }
        return (output, true)
    }

    /// Decodes base64url or standard base64 with or without padding; nil when it is neither.
    package static func decodeLenient(_ characters: [UInt8]) -> [UInt8]? {
        var body = characters[...]
        while body.last == UInt8(ascii: "=") { body = body.dropLast() }
        guard body.count % 4 != 1 else { return nil }
        var values: [UInt8] = []
        values.reserveCapacity(body.count)
        for byte in body {
            guard let value = lenientValue(byte) else { return nil }
            values.append(value)
        }
        var output: [UInt8] = []
        var index = 0
        while index < values.count {
            output += flush(Array(values[index..<min(index + 4, values.count)]))
            index += 4
        }
        return output
    }

    /// Base64url without padding, as JWTs use it (RFC 7515 §2).
    package static func encodeURL(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        for byte in encode(bytes).utf8 {
            switch byte {
            case UInt8(ascii: "+"): output.append(UInt8(ascii: "-"))
            case UInt8(ascii: "/"): output.append(UInt8(ascii: "_"))
            case UInt8(ascii: "="): break
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Base64url as JWTs carry it: no padding; nil when the text has `=` or is not base64.
    package static func decodeURL(_ text: some StringProtocol) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard !characters.contains(UInt8(ascii: "=")) else { return nil }
        return decodeLenient(characters)
    }

    /// The bytes of a partial or full group of 6-bit values.
    private static func flush(_ group: [UInt8]) -> [UInt8] {
        guard group.count >= 2 else { return [] }
        var output = [group[0] << 2 | group[1] >> 4]
        if group.count >= 3 { output.append(group[1] << 4 | group[2] >> 2) }
        if group.count >= 4 { output.append(group[2] << 6 | group[3]) }
        return output
    }
}
