import JSONQuery

/// What a learner's shell reports to its class (`POST /class/progress`): the tutorial and its steps done, the last
/// error in one line, how many commands ran, the tokens' states and the conversations. Never a token's value: a
/// token is its variable's name and `valid`, `expiring`, `expired` or `missing`.
package struct ProgressSnapshot: Sendable, Equatable {
    /// The chosen tutorial's name.
    package var tutorial: String?
    /// Its steps done, in order (`"1"`, `"2"`).
    package var stepsDone: [String] = []
    /// The first step not done yet; nil when all are.
    package var currentStep: String?
    /// The last failed command's first error line (masked, at most ``errorLength`` characters).
    package var lastError: String?
    /// When it failed, milliseconds since 1970.
    package var lastErrorAt: Int64?
    /// Command lines run.
    package var commands = 0
    /// The tutorial's tokens and every variable holding a JWT, in that order.
    package var tokens: [Token] = []
    /// The conversation ids the session used (`LP_CONV_ID`'s values), oldest first.
    package var conversations: [String] = []

    /// A token variable as the class sees it: its name and when it expires, never its value.
    package struct Token: Sendable, Equatable {
        package var name: String
        /// False when the variable is unset or holds no JWT.
        package var present: Bool
        /// `exp`, seconds since 1970; nil when the token has none.
        package var expiresAt: Int64?

        package init(name: String, present: Bool, expiresAt: Int64?) {
            self.name = name
            self.present = present
            self.expiresAt = expiresAt
        }

        /// `valid`, `expiring` (under a minute left, as the prompt's badge), `expired` or `missing`.
        package func state(now: Int64) -> String {
            guard present else { return "missing" }
            guard let expiresAt else { return "valid" }
            let left = expiresAt - now
            return left <= 0 ? "expired" : left < 60 ? "expiring" : "valid"
        }
    }

    /// The longest `lastError` sent (the class keeps one line per learner).
    package static let errorLength = 200

    package init() {}

    /// The JSON body, with the tokens' states and seconds left as of `now` (seconds since 1970).
    package func json(now: Int64) -> String {
        var fields: [String] = []
        if let tutorial { fields.append("\"tutorial\":" + JSONWriter.quoted(tutorial)) }
        fields.append("\"stepsDone\":[" + stepsDone.map(JSONWriter.quoted).joined(separator: ",") + "]")
        if let currentStep { fields.append("\"currentStep\":" + JSONWriter.quoted(currentStep)) }
        if let lastError { fields.append("\"lastError\":" + JSONWriter.quoted(lastError)) }
        if let lastErrorAt { fields.append("\"lastErrorAt\":\(lastErrorAt)") }
        fields.append("\"commands\":\(commands)")
        let tokenItems = tokens.map { token -> String in
            let state = token.state(now: now)
            var item = "{\"name\":" + JSONWriter.quoted(token.name) + ",\"state\":\"" + state + "\""
            if state == "valid" || state == "expiring", let expiresAt = token.expiresAt {
                item += ",\"expiresIn\":\(expiresAt - now)"
            }
            return item + "}"
        }
        fields.append("\"tokens\":[" + tokenItems.joined(separator: ",") + "]")
        fields.append("\"conversations\":[" + conversations.map(JSONWriter.quoted).joined(separator: ",") + "]")
        return "{" + fields.joined(separator: ",") + "}"
    }
}
