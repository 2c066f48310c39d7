/// Lower-case hexadecimal text (what `%02x` and `%016llx` print), without Foundation's `String(format:)`.
enum HexDigits {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Two digits per byte: `%02x` of each, joined.
    static func string(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Sixteen digits, zero-padded: `%016llx`.
    static func string(_ value: UInt64) -> String {
        string((0..<8).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) })
    }
}
