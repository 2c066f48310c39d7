/// The ANSI colours of coloured output, in `JQ_COLORS` order.
///
/// jq's own, user-configurable escape sequences, spelled here rather than through ShellRuntime's `TerminalStyle`
/// (JSONQuery depends on nothing); whether they are used is decided by `TerminalStyle.jqUsesColor`, jq's rule.
public struct ColorPalette: Sendable, Equatable {
    /// Escape sequences for null, false, true, numbers, strings, arrays, objects and object keys.
    public var sequences: [[UInt8]]

    /// jq 1.7.1's default `JQ_COLORS`.
    public static let defaultSpecification = "0;90:0;37:0;37:0;37:0;32:1;37:1;37:34;1"

    /// The default palette.
    public static let `default` = ColorPalette(specification: defaultSpecification)!

    /// Parses a `JQ_COLORS` value over the defaults; nil when it is invalid (jq then warns
    /// `Failed to set $JQ_COLORS` and keeps the defaults).
    public init?(specification: String, base: ColorPalette? = nil) {
        var sequences =
            base?.sequences ?? Array(repeating: Array("\u{1B}[0m".utf8), count: 8)
        let fields = specification.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count <= 8 else { return nil }
        for (index, field) in fields.enumerated() {
            guard field.count <= 12, field.allSatisfy({ $0 == ";" || ("0"..."9").contains($0) }) else { return nil }
            sequences[index] = Array("\u{1B}[\(field)m".utf8)
        }
        self.sequences = sequences
    }

    /// The sequence for a value's type.
    func color(for value: JSONValue) -> [UInt8] {
        switch value {
        case .null: sequences[0]
        case .bool(let flag): flag ? sequences[2] : sequences[1]
        case .number, .literal: sequences[3]
        case .string: sequences[4]
        case .array: sequences[5]
        case .object: sequences[6]
        }
    }

    /// The sequence for object keys.
    var objectKey: [UInt8] { sequences[7] }
}
