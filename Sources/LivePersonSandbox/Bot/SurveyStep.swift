import LivePersonAPI

/// One step of the built-in survey bot in a survey dialog.
enum SurveyStep: Sendable {
    /// Greet and ask the first question.
    case start
    /// The consumer's event `sequence` in the survey dialog: a text (`ContentEvent`) or a click (`AcceptStatusEvent`
    /// `ACTION`), with the request's metadata.
    case answer(sequence: Int, event: WireJSON, metadata: WireJSON?)
}
