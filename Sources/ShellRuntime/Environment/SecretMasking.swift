/// Masks JWTs (and other long bearer-looking tokens) before text reaches the history file, transcripts or logs.
public enum SecretMasking {
    /// The text with every JWT replaced by its first four and last character (`eyJr…Q`), and every password
    /// replaced by `…`: in a URL (`http://me:…@proxy:3128`) and after `-u`, `--user`, `-U`, `--proxy-user` and
    /// `--auth` (`-U me:…`).
    public static func mask(_ text: String) -> String {
        maskPasswords(maskTokens(text))
    }

    private static func maskPasswords(_ text: String) -> String {
        guard text.contains(":") && (text.contains("@") || text.contains(" -")) else { return text }
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var changed = false
        var afterFlag = false
        for index in words.indices {
            let word = words[index]
            if afterFlag, let masked = maskedCredentials(word) {
                words[index] = masked
                changed = true
            } else if let masked = maskedURLPassword(word) {
                words[index] = masked
                changed = true
            }
            afterFlag = ["-u", "--user", "-U", "--proxy-user", "--auth"].contains(word)
        }
        return changed ? words.joined(separator: " ") : text
    }

    /// `user:password` (quoted or not) with the password masked; nil when there is none.
    private static func maskedCredentials(_ word: String) -> String? {
        let quote = word.first.flatMap { $0 == "\"" || $0 == "'" ? $0 : nil }
        let inner = quote == nil ? Substring(word) : word.dropFirst()
        guard let colon = inner.firstIndex(of: ":"), inner.index(after: colon) < inner.endIndex else { return nil }
        let closing = quote.map { word.hasSuffix(String($0)) && word.count > 1 ? String($0) : "" } ?? ""
        return (quote.map(String.init) ?? "") + inner[...colon] + "…" + closing
    }

    /// A word holding `scheme://user:password@host` with the password masked; nil when there is none.
    private static func maskedURLPassword(_ word: String) -> String? {
        guard let scheme = word.firstRange(of: "://") else { return nil }
        let authority = word[scheme.upperBound...].prefix { !"/?#\"'".contains($0) }
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":"),
            authority.index(after: colon) < at
        else { return nil }
        return String(word[..<authority.index(after: colon)]) + "…" + String(word[at...])
    }

    /// The text with every JWT masked and nothing else changed (no password masking), so that a caret line
    /// drawn under it can be moved with ``tokenSpans(in:)``.
    public static func maskTokens(_ text: String) -> String {
        guard text.contains("eyJ") else { return text }
        let characters = Array(text)
        let spans = tokenSpans(in: characters)
        guard !spans.isEmpty else { return text }
        var result = ""
        var position = 0
        for span in spans {
            result += String(characters[position..<span.range.lowerBound])
            result += span.masked
            position = span.range.upperBound
        }
        return result + String(characters[position...])
    }

    /// Where the JWTs are in `characters` (character offsets, in order) and what each becomes once masked: a run
    /// of base64url characters and dots that starts with `eyJ`, has at least two dots and 20 characters.
    public static func tokenSpans(in characters: [Character]) -> [(range: Range<Int>, masked: String)] {
        var spans: [(range: Range<Int>, masked: String)] = []
        var index = 0
        while index + 2 < characters.count {
            guard characters[index] == "e", characters[index + 1] == "y", characters[index + 2] == "J" else {
                index += 1
                continue
            }
            var end = index
            var dots = 0
            while end < characters.count {
                let character = characters[end]
                if character == "." {
                    dots += 1
                } else if !(character.isLetter || character.isNumber || character == "-" || character == "_"
                    || character == "=")
                {
                    break
                }
                end += 1
            }
            if dots >= 2 && end - index >= 20 {
                spans.append((index..<end, maskedForm(String(characters[index..<end]))))
            }
            index = end
        }
        return spans
    }

    /// `eyJr…Q`: enough to tell tokens apart, not enough to use one.
    public static func maskedForm(_ token: String) -> String {
        guard token.count > 8 else { return "…" }
        return String(token.prefix(4)) + "…" + String(token.suffix(1))
    }
}
