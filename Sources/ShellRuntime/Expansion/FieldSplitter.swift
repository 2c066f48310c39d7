/// Turns the pieces of an expanded word into fields: unquoted expansions split on `IFS` (POSIX 2.6.5), empty fields
/// vanish unless something quoted was in them, `$@` ends a field between parameters.
struct FieldSplitter {
    private let whitespace: Set<Character>
    private let delimiters: Set<Character>
    /// What `$*` (and `$@` outside a list of fields) joins parameters with: the first character of `IFS`, a space
    /// when it is unset, nothing when it is empty.
    let separator: String

    /// - Parameter ifs: the value of `IFS`, or nil when unset (default `" \t\n"`).
    init(ifs: String?) {
        let value = ifs ?? " \t\n"
        whitespace = Set(value.filter { $0 == " " || $0 == "\t" || $0 == "\n" })
        delimiters = Set(value.filter { !($0 == " " || $0 == "\t" || $0 == "\n") })
        separator = value.first.map { String($0) } ?? ""
    }

    /// The fields of one word.
    func fields(of pieces: [ExpansionPiece]) -> [ExpandedField] {
        var fields: [ExpandedField] = []
        var current = ExpandedField()
        // True right after IFS whitespace ended a field: a delimiter that follows belongs to the same separator.
        var endedByWhitespace = false
        func finish() {
            fields.append(current)
            current = ExpandedField()
        }
        for piece in pieces {
            switch piece {
            case .quoted(let text):
                current.appendQuoted(text)
                endedByWhitespace = false
            case .literal(let text):
                current.appendUnquoted(text)
                if !text.isEmpty { endedByWhitespace = false }
            case .fieldBreak:
                if current.isQuotedOrNonEmpty { finish() }
                endedByWhitespace = false
            case .expanded(let text):
                var chunk = ""
                for character in text {
                    if whitespace.contains(character) {
                        current.appendUnquoted(chunk)
                        chunk = ""
                        if current.isQuotedOrNonEmpty {
                            finish()
                            endedByWhitespace = true
                        }
                    } else if delimiters.contains(character) {
                        current.appendUnquoted(chunk)
                        chunk = ""
                        if endedByWhitespace && !current.isQuotedOrNonEmpty {
                            endedByWhitespace = false
                        } else {
                            // A non-whitespace delimiter always ends the current field, even an empty one.
                            current.isQuotedOrNonEmpty = true
                            finish()
                        }
                    } else {
                        chunk.append(character)
                        endedByWhitespace = false
                    }
                }
                current.appendUnquoted(chunk)
            }
        }
        if current.isQuotedOrNonEmpty { fields.append(current) }
        return fields
    }

    /// The pieces joined into one string, unsplit (assignments, redirection targets, `case` words); `$@` and `$*`
    /// join their parameters with `separator`.
    func joined(_ pieces: [ExpansionPiece]) -> String {
        var text = ""
        for piece in pieces {
            switch piece {
            case .quoted(let value), .literal(let value), .expanded(let value): text += value
            case .fieldBreak: text += separator
            }
        }
        return text
    }

    /// The pieces joined as one glob pattern: quoted characters are escaped.
    func pattern(_ pieces: [ExpansionPiece]) -> String {
        var field = ExpandedField()
        for piece in pieces {
            switch piece {
            case .quoted(let value): field.appendQuoted(value)
            case .literal(let value), .expanded(let value): field.appendUnquoted(value)
            case .fieldBreak: field.appendQuoted(separator)
            }
        }
        return field.pattern
    }
}
