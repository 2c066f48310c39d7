/// Trimming as Foundation's `trimmingCharacters(in: .whitespaces)` and `(in: .whitespacesAndNewlines)` do it,
/// without Foundation: the same characters, counted by Unicode scalar.
enum SpaceTrimming {
    /// `CharacterSet.whitespaces`: the tab, Unicode's space separators (Zs) and the zero-width space, U+200B.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `CharacterSet.whitespacesAndNewlines`: those and U+000A–U+000D, U+0085, U+2028 and U+2029.
    static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return isSpace(scalar)
        }
    }

    /// `text` without the spaces (and tabs) at either end.
    static func spaces(_ text: some StringProtocol) -> String {
        trimmed(text, where: isSpace)
    }

    /// `text` without the spaces, tabs and line breaks at either end.
    static func spacesAndNewlines(_ text: some StringProtocol) -> String {
        trimmed(text, where: isSpaceOrNewline)
    }

    private static func trimmed(_ text: some StringProtocol, where drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = String(text).unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !drop($0) })!
        return String(scalars[first...last])
    }
}
