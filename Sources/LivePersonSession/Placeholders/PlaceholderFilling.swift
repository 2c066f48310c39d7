import ShellRuntime

/// A frame or shell line with the tutorials' placeholders filled in: the new text, one note per placeholder
/// replaced (`replaced __RING_ID__ with … ($LP_RING_ID)`), and one line per placeholder that has no value (then
/// nothing may be sent or run).
struct PlaceholderFilling: Equatable {
    var text: String
    var notes: [String] = []
    /// `__RING_ID__ has no value yet: …`, one per placeholder without a value.
    var missing: [String] = []

    /// True when `text` may hold a placeholder: a cheap byte search first (every frame of a batch passes here).
    static func mayMention(_ text: String) -> Bool {
        text.containsBytes("__") || text.containsBytes("<Base64Image>")
    }

    /// The placeholders `text` holds, in the order of ``Placeholder/allCases``.
    static func placeholders(in text: String) -> [Placeholder] {
        guard mayMention(text) else { return [] }
        return Placeholder.allCases.filter { placeholder in placeholder.spellings.contains { text.containsBytes($0) } }
    }

    /// What the session has for a placeholder.
    enum Lookup: Equatable {
        case value(PlaceholderValue)
        /// No value; `reason` replaces the usual "has no value yet" (a closed conversation says so).
        case missing(reason: String? = nil)
    }

    /// Fills every placeholder of `text` with what `lookup` finds; a placeholder without a value is listed in
    /// ``missing`` (the spelling, why, and how to get the value) and left as it is.
    static func fill(_ text: String, lookup: (Placeholder) -> Lookup) -> PlaceholderFilling {
        var filling = PlaceholderFilling(text: text)
        for placeholder in placeholders(in: text) {
            guard let first = placeholder.spellings.first(where: { filling.text.containsBytes($0) }) else { continue }
            switch lookup(placeholder) {
            case .missing(let reason):
                filling.missing.append("\(first): \(reason ?? "no value yet"): \(placeholder.howToGet)")
            case .value(let value):
                for spelling in placeholder.spellings where filling.text.containsBytes(spelling) {
                    filling.text = filling.text.replacing(spelling, with: value.text)
                    filling.notes.append(
                        "replaced \(spelling) with \(shown(value, of: placeholder)) (\(value.source))")
                }
            }
        }
        return filling
    }

    /// The value as the note shows it: a token never, a long value shortened.
    private static func shown(_ value: PlaceholderValue, of placeholder: Placeholder) -> String {
        if placeholder.isSecret { return "the token" }
        guard value.text.utf8.count > 120 else { return value.text }
        return "\(value.text.prefix(12))… (\(value.text.utf8.count) characters)"
    }
}
