/// Where the built-in survey bot is in one survey dialog, and the answers kept so far (stored with the dialog).
struct SurveyProgress: Sendable, Codable, Equatable {
    /// Index into ``SurveyBot/questions`` of the question asked last; `nil` before the greeting.
    var question: Int?
    /// Answers by question id: the chosen reply's id (the CSAT question's `"4"`, the FCR question's `"yes"`).
    var answers: [String: String] = [:]
    /// The reply a consumer picked with an `AcceptStatusEvent` `ACTION` for the current question, waiting for the
    /// text that goes with it.
    var pendingAction: String?
    /// How many messages the bot has sent; a timeout armed after the n-th fires only if no later one was sent.
    var prompts = 0
}
