/// Masks what looks like a credential in a line a learner reports: a JWT (`eyJ…`), and any run of 32 or more
/// base64url or hex characters (bearers, client secrets, keys). What is left is enough to see the error.
enum SecretRedaction {
    static let mask = "[redacted]"

    static func masked(_ text: String) -> String {
        var output = ""
        var run = ""
        func flush() {
            output += run.count >= 32 || run.hasPrefix("eyJ") && run.count >= 16 ? mask : run
            run = ""
        }
        for character in text {
            if character.isASCII && (character.isLetter || character.isNumber || "-_.".contains(character)) {
                // A dot belongs to a run only inside a JWT (`header.payload.signature`).
                if character == ".", !run.hasPrefix("eyJ") {
                    flush()
                    output.append(character)
                    continue
                }
                run.append(character)
            } else {
                flush()
                output.append(character)
            }
        }
        flush()
        return output
    }
}
