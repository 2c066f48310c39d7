/// Masks JWTs (and other long bearer-looking tokens) before text reaches the history file, transcripts or logs.
public enum SecretMasking {
    /// The text with every JWT replaced by its first four and last character (`eyJr…Q`).
    public static func mask(_ text: String) -> String {
        guard text.contains("eyJ") else { return text }
        var result = ""
        var remainder = Substring(text)
        while let start = remainder.range(of: "eyJ") {
            result += remainder[..<start.lowerBound]
            var end = start.lowerBound
            var dots = 0
            while end < remainder.endIndex {
                let character = remainder[end]
                if character == "." {
                    dots += 1
                } else if !(character.isLetter || character.isNumber || character == "-" || character == "_"
                    || character == "=")
                {
                    break
                }
                end = remainder.index(after: end)
            }
            let token = remainder[start.lowerBound..<end]
            if dots >= 2 && token.count >= 20 {
                result += maskedForm(String(token))
            } else {
                result += token
            }
            remainder = remainder[end...]
        }
        return result + remainder
    }

    /// `eyJr…Q`: enough to tell tokens apart, not enough to use one.
    public static func maskedForm(_ token: String) -> String {
        guard token.count > 8 else { return "…" }
        return String(token.prefix(4)) + "…" + String(token.suffix(1))
    }
}
