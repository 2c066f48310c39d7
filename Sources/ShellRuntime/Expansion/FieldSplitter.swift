/// Splits the results of unquoted expansions on `IFS` (POSIX 2.6.5) while building fields.
struct FieldSplitter {
    private let whitespace: Set<Character>
    private let delimiters: Set<Character>
    private let splits: Bool

    /// - Parameter ifs: the value of `IFS`, or nil when unset (default `" \t\n"`).
    init(ifs: String?) {
        let value = ifs ?? " \t\n"
        splits = !value.isEmpty
        whitespace = Set(value.filter { $0 == " " || $0 == "\t" || $0 == "\n" })
        delimiters = Set(value.filter { !($0 == " " || $0 == "\t" || $0 == "\n") })
    }

    /// Appends the result of an unquoted expansion to `fields`, splitting it.
    func append(_ value: String, to fields: inout [ExpandedField]) {
        guard splits else {
            fields[fields.count - 1].appendUnquoted(value)
            return
        }
        var pendingWhitespaceBreak = false
        var chunk = ""
        for character in value {
            if whitespace.contains(character) {
                if !chunk.isEmpty {
                    fields[fields.count - 1].appendUnquoted(chunk)
                    chunk = ""
                }
                if fields[fields.count - 1].isQuotedOrNonEmpty { pendingWhitespaceBreak = true }
                continue
            }
            if delimiters.contains(character) {
                if !chunk.isEmpty {
                    fields[fields.count - 1].appendUnquoted(chunk)
                    chunk = ""
                }
                // A non-whitespace delimiter always ends the current field, even an empty one.
                fields[fields.count - 1].isQuotedOrNonEmpty = true
                fields.append(ExpandedField())
                pendingWhitespaceBreak = false
                continue
            }
            if pendingWhitespaceBreak {
                fields.append(ExpandedField())
                pendingWhitespaceBreak = false
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { fields[fields.count - 1].appendUnquoted(chunk) }
        if pendingWhitespaceBreak { fields.append(ExpandedField()) }
    }
}
