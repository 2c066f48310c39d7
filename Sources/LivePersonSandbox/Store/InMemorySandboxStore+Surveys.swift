import LivePersonAPI

/// The built-in survey bot at work in survey dialogs (see ``SurveyBot``). Its steps run in the dialog's bot queue
/// (``enqueueBot(_:in:)``, keyed by the survey dialog's id), after the bot delay, in the order they were queued.
extension InMemorySandboxStore {
    /// Indexes a conversation's survey dialog when it has just opened, and lets the built-in survey bot start.
    func surveyOpened(_ conversation: Conversation) {
        guard let dialog = conversation.postSurvey, dialogOwners[dialog.id] == nil else { return }
        dialogOwners[dialog.id] = conversation.id
        if dialog.isOpen, dialog.survey != nil { enqueueBot(.survey(.start), in: dialog.id) }
    }

    /// A consumer's event in a survey dialog: texts and `ACTION` clicks go to the built-in survey bot, if it runs it.
    func surveyReceived(_ event: WireJSON, metadata: WireJSON?, sequence: Int, in dialogId: String) {
        guard conversation(ofDialog: dialogId)?.postSurvey?.survey != nil else { return }
        switch (event["type"]?.stringValue, event["status"]?.stringValue) {
        case ("ContentEvent", _), ("AcceptStatusEvent", "ACTION"):
            enqueueBot(.survey(.answer(sequence: sequence, event: event, metadata: metadata)), in: dialogId)
        default:
            break
        }
    }

    /// Re-arms what a restart (`--data`) lost: the greeting of surveys opened just before it, the timeout of the
    /// others.
    func resumeSurveys() {
        for conversation in conversations.values {
            guard let dialog = conversation.postSurvey, dialog.isOpen, let progress = dialog.survey else { continue }
            if progress.question == nil {
                enqueueBot(.survey(.start), in: dialog.id)
            } else {
                armSurveyTimeout(dialog.id, prompts: progress.prompts)
            }
        }
    }

    func runSurveyStep(_ step: SurveyStep, in dialogId: String) {
        guard let progress = conversation(ofDialog: dialogId)?.postSurvey?.survey,
            conversation(ofDialog: dialogId)?.postSurvey?.isOpen == true
        else { return }
        switch step {
        case .start:
            guard progress.question == nil else { return }
            surveySay([Self.text(SurveyBot.greeting)], in: dialogId)
            ask(0, in: dialogId)
        case .answer(let sequence, let event, let metadata):
            if event["type"]?.stringValue == "AcceptStatusEvent" {
                surveyClicked(metadata, in: dialogId)
            } else {
                surveyAnswered(sequence: sequence, text: event["message"]?.stringValue ?? "", metadata, in: dialogId)
            }
        }
    }

    /// An `ACTION` click: remembers the reply it names for the current question; the text that follows it (PCS
    /// tutorial, Step 12) moves the survey on.
    private func surveyClicked(_ metadata: WireJSON?, in dialogId: String) {
        guard let index = conversation(ofDialog: dialogId)?.postSurvey?.survey?.question,
            let reply = SurveyBot.questions[index].reply(metadata: metadata)
        else { return }
        updateSurvey(dialogId) { $0.pendingAction = reply.answerId }
    }

    private func surveyAnswered(sequence: Int, text: String, _ metadata: WireJSON?, in dialogId: String) {
        guard let progress = conversation(ofDialog: dialogId)?.postSurvey?.survey else { return }
        surveyPublish(Self.receipt("READ", sequence: sequence), in: dialogId)
        guard let index = progress.question else { return }
        let question = SurveyBot.questions[index]
        // A text whose Answer names an earlier question was answered already (a click's text arriving late).
        if let named = SurveyQuestion.answeredQuestionId(in: metadata), named != question.id { return }
        let clicked = progress.pendingAction.flatMap { id in question.replies.first { $0.answerId == id } }
        guard let reply = question.reply(metadata: metadata) ?? question.reply(text: text) ?? clicked else {
            surveySay([Self.text(SurveyBot.notUnderstood)], in: dialogId)
            ask(index, in: dialogId)
            return
        }
        if reply.value == "skip" {
            finishSurvey(dialogId, saying: SurveyBot.skipped, cause: "Skipped")
            return
        }
        updateSurvey(dialogId) {
            $0.answers[question.id] = reply.value
            $0.pendingAction = nil
        }
        if index + 1 < SurveyBot.questions.count {
            ask(index + 1, in: dialogId)
        } else {
            finishSurvey(dialogId, saying: SurveyBot.thanks, cause: "Completed")
        }
    }

    private func ask(_ index: Int, in dialogId: String) {
        let question = SurveyBot.questions[index]
        updateSurvey(dialogId) { $0.question = index }
        surveySay([(event: question.event, metadata: question.metadata)], in: dialogId)
    }

    /// The bot's last message, then the survey dialog closes (`closedBy` AGENT) and the conversation's stage with it.
    private func finishSurvey(_ dialogId: String, saying text: String, cause: String) {
        surveySay([Self.text(text)], in: dialogId)
        let owner = conversationId(ofDialog: dialogId)
        guard var conversation = conversations[owner] else { return }
        endSurvey(&conversation, closedBy: "AGENT", cause: cause)
        try? save(conversation)
        announce(conversation)
    }

    /// No answer since the bot's `prompts`-th message: the survey closes with a last message.
    func surveyTimedOut(_ dialogId: String, prompts: Int) {
        guard let dialog = conversation(ofDialog: dialogId)?.postSurvey, dialog.isOpen,
            dialog.survey?.prompts == prompts
        else { return }
        finishSurvey(dialogId, saying: SurveyBot.expired, cause: "Timeout")
    }

    private func armSurveyTimeout(_ dialogId: String, prompts: Int) {
        let timeout = surveyBot.timeout
        Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.surveyTimedOut(dialogId, prompts: prompts)
        }
    }

    /// Publishes the bot's messages as LivePerson's survey bot does: `COMPOSING`, the content, `ACTIVE`; then waits
    /// ``SurveyBot/timeout`` for an answer.
    private func surveySay(_ messages: [(event: WireJSON, metadata: WireJSON?)], in dialogId: String) {
        surveyPublish(Self.chatState("COMPOSING"), in: dialogId)
        for message in messages {
            surveyPublish(message.event, metadata: message.metadata, in: dialogId)
        }
        surveyPublish(Self.chatState("ACTIVE"), in: dialogId)
        var prompts = 0
        updateSurvey(dialogId) {
            $0.prompts += messages.count
            prompts = $0.prompts
        }
        armSurveyTimeout(dialogId, prompts: prompts)
    }

    private func surveyPublish(_ event: WireJSON, metadata: WireJSON? = nil, in dialogId: String) {
        _ = try? append(event, metadata: metadata, to: dialogId, from: SurveyBot.participant)
        deliverLast(of: dialogId)
    }

    /// Changes the survey's progress and stores it (`--data`) with its conversation.
    private func updateSurvey(_ dialogId: String, _ change: (inout SurveyProgress) -> Void) {
        let owner = conversationId(ofDialog: dialogId)
        guard var progress = conversations[owner]?.postSurvey?.survey else { return }
        change(&progress)
        conversations[owner]?.postSurvey?.survey = progress
        if let conversation = conversations[owner] { try? save(conversation) }
    }

    private static func text(_ message: String) -> (event: WireJSON, metadata: WireJSON?) {
        (
            .object([
                "type": .string("ContentEvent"), "contentType": .string("text/plain"), "message": .string(message),
            ]), nil
        )
    }

    private static func chatState(_ state: String) -> WireJSON {
        .object(["type": .string("ChatStateEvent"), "chatState": .string(state)])
    }

    private static func receipt(_ status: String, sequence: Int) -> WireJSON {
        .object([
            "type": .string("AcceptStatusEvent"), "status": .string(status),
            "sequenceList": .array([.number(Double(sequence))]),
        ])
    }
}
