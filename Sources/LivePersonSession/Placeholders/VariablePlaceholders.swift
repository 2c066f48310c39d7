/// The placeholders' values as the shell variables hold them: what a shell line gets, and what a frame gets from
/// its socket's capture (`SessionCapture`, which keeps its values under the same names).
enum VariablePlaceholders {
    /// The variable that keeps a closed conversation's id (for a CSAT sent after the close).
    static let closedConversation = "LP_CLOSED_CONV_ID"

    /// A 1×1 PNG, the preview `<Base64Image>` gets when `$LP_PREVIEW` is not set.
    static let builtInPreview =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="

    /// The value of `placeholder` from `variable`; `afterClose` (a CSAT frame) lets the conversation placeholder
    /// take the conversation closed last.
    static func lookup(_ placeholder: Placeholder, afterClose: Bool = false, variable: (String) -> String?)
        -> PlaceholderFilling.Lookup
    {
        func value(_ name: String) -> String? {
            variable(name).flatMap { $0.isEmpty || $0 == "null" ? nil : $0 }
        }
        switch placeholder {
        case .conversationID:
            if let id = value("LP_CONV_ID") { return .value(PlaceholderValue(id, from: "$LP_CONV_ID")) }
            guard let closed = value(closedConversation) else { return .missing() }
            if afterClose {
                return .value(PlaceholderValue(closed, from: "the conversation closed last, $\(closedConversation)"))
            }
            return .missing(reason: "conversation \(closed) is closed, so it is not filled in")
        case .dialogID:
            if let id = value("LP_DIALOG_ID") { return .value(PlaceholderValue(id, from: "$LP_DIALOG_ID")) }
            if let id = value("LP_CONV_ID") {
                return .value(PlaceholderValue(id, from: "the MAIN dialog of $LP_CONV_ID"))
            }
            return lookup(.conversationID, variable: variable)
        case .consumerPID:
            if let pid = value(placeholder.variable) { return .value(PlaceholderValue(pid, from: "$LP_CONSUMER_PID")) }
            if let jwt = value("LP_JWT"), let subject = TokenSummary.inspect(name: "LP_JWT", value: jwt)?.subject {
                return .value(PlaceholderValue(subject, from: "the sub of $LP_JWT"))
            }
            return .missing()
        case .preview:
            if let preview = value(placeholder.variable) {
                return .value(PlaceholderValue(preview, from: "$LP_PREVIEW"))
            }
            return .value(
                PlaceholderValue(builtInPreview, from: "a built-in 1×1 PNG; set LP_PREVIEW to your image's base64"))
        default:
            guard let text = value(placeholder.variable) else { return .missing() }
            return .value(PlaceholderValue(text, from: "$" + placeholder.variable))
        }
    }
}
