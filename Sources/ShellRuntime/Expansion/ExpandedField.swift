/// A field being built during expansion: its text, the same text as a glob pattern (quoted characters
/// escaped), and whether it must survive even when empty (it had a quoted part).
struct ExpandedField {
    var text = ""
    var pattern = ""
    var hasGlobCharacters = false
    var isQuotedOrNonEmpty = false

    mutating func appendQuoted(_ value: String) {
        text += value
        for character in value {
            if "*?[]\\".contains(character) { pattern.append("\\") }
            pattern.append(character)
        }
        isQuotedOrNonEmpty = true
    }

    mutating func appendUnquoted(_ value: String) {
        guard !value.isEmpty else { return }
        text += value
        pattern += value
        if value.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) { hasGlobCharacters = true }
        isQuotedOrNonEmpty = true
    }
}
