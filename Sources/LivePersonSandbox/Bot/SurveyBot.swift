import LivePersonAPI

/// The sandbox's post-conversation survey (PCS, spec §3.8): when a conversation's MAIN dialog closes and a survey is
/// configured (the default; `--no-survey` turns it off), a `POST_SURVEY` dialog opens and this bot, as its `AGENT`,
/// greets the consumer, asks a CSAT question (1–5) and an FCR question (yes/no), keeps the answers, thanks the
/// consumer and closes the dialog (`closedBy` `AGENT`, `closedCause` `Completed`). Typing "skip" ends it early; no
/// answer for ``timeout`` after its last message ends it too. Another agent that joins the survey dialog as `AGENT`
/// (node-agent-sdk's survey bot example) takes the survey over, and this bot goes quiet. It answers after the bot
/// delay (`--bot-delay`), like the agent bot, and runs with `--no-bot` too (it is the survey, not an agent).
struct SurveyBot: Sendable {
    static let participant = ParticipantRef(id: "5a4db0a0-5e1f-5b07-a5e1-5a4db0a05e1f", role: "AGENT")
    /// The survey bot's app installation, in every survey dialog's `metaData` (node-agent-sdk's survey bot example
    /// compares it with its `APP_INST`).
    static let appInstallId = "5a4db0a0-a550-5e1f-a5e1-5a4db0a0a550"
    static let surveyId = "1000000001"
    static let provider = "AC"

    static let csat = SurveyQuestion(
        id: StableID.uuid("survey/question/csat"), text: "How would you rate your overall experience? (1 to 5)",
        replies: (1...5).map { (value: String($0), title: String($0)) } + [(value: "skip", title: "Skip")])
    static let fcr = SurveyQuestion(
        id: StableID.uuid("survey/question/fcr"), text: "Was your issue resolved?",
        replies: [(value: "yes", title: "Yes"), (value: "no", title: "No"), (value: "skip", title: "Skip")])
    static let questions = [csat, fcr]

    static let greeting =
        "Hi, I'm the sandbox survey bot. Two quick questions about your conversation; type 'skip' at any time to skip the survey."
    static let notUnderstood = "Sorry, I did not understand that. Please choose one of the options."
    static let thanks = "Thank you for your feedback."
    static let skipped = "No problem, the survey is skipped. Thank you."
    static let expired = "The survey has expired. Thank you."

    /// Whether closing a MAIN dialog opens a survey dialog.
    var enabled = true
    /// How long the survey waits for an answer after the bot's last message (`--survey-timeout`; LivePerson's
    /// survey bots default to one hour).
    var timeout: Duration = .seconds(3600)

    /// The `csat` a finished survey gives its conversation: the CSAT answer as `csatRate`, the FCR answer as
    /// `csatResolutionConfirmation`; `nil` without a CSAT answer.
    static func conversationCSAT(from answers: [String: String]) -> CSAT? {
        guard let rate = answers[csat.id].flatMap({ Int($0) }) else { return nil }
        let resolved = answers[fcr.id]
        let status = resolved == nil ? "PARTIALLY_FILLED" : "FILLED"
        return CSAT(csatRate: rate, csatResolutionConfirmation: resolved == "yes", status: status)
    }
}
