import LivePersonAPI

/// Dialogs of a conversation (spec §3.8): finding a dialog's conversation, closing MAIN (which opens the survey dialog
/// when a survey is configured), closing the survey dialog or the whole container, and agents joining a survey dialog.
extension InMemorySandboxStore {
    /// The id of the conversation `dialogId` belongs to (a MAIN dialog's id is its conversation's).
    func conversationId(ofDialog dialogId: String) -> String {
        dialogOwners[dialogId] ?? dialogId
    }

    /// The conversation `dialogId` belongs to, if any.
    func conversation(ofDialog dialogId: String) -> Conversation? {
        guard let conversation = conversations[conversationId(ofDialog: dialogId)], conversation.hasDialog(dialogId)
        else { return nil }
        return conversation
    }

    /// The stored events of a dialog in sequence order (history queries), `nil` for an unknown dialog.
    func dialogEvents(_ dialogId: String) -> [MessagingEventChange]? {
        conversation(ofDialog: dialogId)?.events(inDialog: dialogId)
    }

    /// The agent whose brand sockets get a dialog's events without subscribing (`ms.OnlineEventDistribution`): MAIN's
    /// assigned agent; a survey dialog's agent unless it is the built-in survey bot.
    func eventAgent(of dialogId: String, in conversation: Conversation) -> String? {
        if dialogId == conversation.id { return conversation.agent?.id }
        return conversation.postSurvey?.agentIds.first { $0 != SurveyBot.participant.id }
    }

    /// Whether `connection` may publish `event` into the survey dialog `dialogId`, and as whom: the consumer, or an
    /// agent that joined the dialog as its `AGENT`.
    func checkSurveyPublish(
        _ connection: Connection, dialogId: String, event: WireJSON, in conversation: Conversation
    ) throws(UMSFailure) -> ParticipantRef {
        guard let dialog = conversation.postSurvey, dialog.id == dialogId else {
            throw .notFound("Dialog \(dialogId) not found")
        }
        var originator = connection.participant.reference
        if case .agent(let session) = connection.participant {
            guard dialog.agentIds.contains(session.userPid) else {
                throw .forbidden("Agent is not a participant of dialog \(dialogId)")
            }
            originator = ParticipantRef(id: session.userPid, role: "AGENT")
        }
        try Self.validate(event)
        guard dialog.isOpen else { throw .badRequest("Dialog \(dialogId) is closed") }
        return originator
    }

    /// Closes MAIN (`ConversationStateField` CLOSE, or `DialogChange` CLOSE naming MAIN). With a survey configured and
    /// an agent assigned (LivePerson triggers no survey for an unassigned conversation), a `POST_SURVEY` dialog opens
    /// with the built-in survey bot as its `AGENT` and the former agent as `READER`, and the container's `stage` stays
    /// OPEN until the survey ends; otherwise the whole conversation closes, as before surveys.
    func closeMainDialog(_ conversation: inout Conversation, by role: String, cause: String?) {
        guard conversation.state == "OPEN" else { return }
        let now = Self.now()
        conversation.state = "CLOSE"
        conversation.closeReason = role
        conversation.closedBy = role
        conversation.mainEndTs = now
        conversation.mainClosedCause = cause
        guard surveyBot.enabled, let agent = conversation.agent, conversation.postSurvey == nil else {
            conversation.stage = "CLOSE"
            conversation.endTs = now
            return
        }
        conversation.postSurvey = Dialog(
            id: Dialog.newID(), creationTs: now, lastUpdate: now,
            participants: [
                ParticipantRef(id: conversation.consumerId, role: "CONSUMER"), SurveyBot.participant,
                ParticipantRef(id: agent.id, role: "READER"),
            ],
            appInstallId: SurveyBot.appInstallId, survey: SurveyProgress())
    }

    /// Closes an open survey dialog and with it the container (`stage` CLOSE, `endTs`). A survey the built-in bot ran
    /// gives the conversation its `csat` (unless it got no CSAT answer).
    func endSurvey(_ conversation: inout Conversation, closedBy role: String, cause: String?) {
        guard var dialog = conversation.postSurvey, dialog.isOpen else { return }
        let now = Self.now()
        dialog.state = "CLOSE"
        dialog.endTs = now
        dialog.lastUpdate = now
        dialog.closedBy = role
        dialog.closedCause = cause
        if let progress = dialog.survey, let csat = SurveyBot.conversationCSAT(from: progress.answers) {
            conversation.csat = csat
        }
        conversation.postSurvey = dialog
        conversation.stage = "CLOSE"
        conversation.endTs = now
        conversation.lastUpdate = now
    }

    /// `Stage` CLOSE: closes every dialog and the container, and opens no survey (PCS tutorial, Additional Notes).
    func closeStage(_ conversation: inout Conversation, by role: String) {
        let cause = role == "CONSUMER" ? "Closed by consumer" : nil
        if conversation.state == "OPEN" {
            let now = Self.now()
            conversation.state = "CLOSE"
            conversation.closeReason = role
            conversation.closedBy = role
            conversation.mainEndTs = now
        }
        endSurvey(&conversation, closedBy: role, cause: cause)
        if conversation.stage == "OPEN" {
            conversation.stage = "CLOSE"
            conversation.endTs = conversation.mainEndTs ?? Self.now()
        }
    }

    /// `DialogChange` (type `UPDATE`): `dialog.state` CLOSE closes the dialog it names (MAIN by default); without a
    /// state it only touches the dialog (node-agent-sdk's survey bot sends one with a `Survey` metadata). Returns the
    /// response text.
    func changeDialog(_ conversation: inout Conversation, field: WireJSON, by connection: Connection)
        throws(UMSFailure) -> String
    {
        guard let dialog = field["dialog"], case .object = dialog else {
            throw .badRequest("DialogChange needs a dialog object")
        }
        if let type = field["type"]?.stringValue, type != "UPDATE" {
            throw .badRequest("DialogChange type '\(type)' is not supported (only UPDATE)")
        }
        let dialogId = dialog["dialogId"]?.stringValue ?? field["dialogId"]?.stringValue ?? conversation.id
        guard conversation.hasDialog(dialogId) else {
            throw .notFound("Dialog \(dialogId) not found in conversation \(conversation.id)")
        }
        let role = if case .consumer = connection.participant { "CONSUMER" } else { "AGENT" }
        switch dialog["state"]?.stringValue {
        case nil:
            guard dialog["state"] == nil else { throw .badRequest("dialog.state must be CLOSE") }
            if dialogId != conversation.id { conversation.postSurvey?.lastUpdate = Self.now() }
            return "OK Dialog updated successfully"
        case "CLOSE":
            guard conversation.isOpen(dialog: dialogId) else {
                throw .badRequest("Dialog \(dialogId) is already closed")
            }
            let cause = dialog["closedCause"]?.stringValue
            if dialogId == conversation.id {
                closeMainDialog(&conversation, by: role, cause: cause)
            } else {
                if case .agent(let session) = connection.participant,
                    conversation.postSurvey?.agentIds.contains(session.userPid) != true
                {
                    throw .forbidden("Agent is not a participant of dialog \(dialogId)")
                }
                endSurvey(
                    &conversation, closedBy: role, cause: cause ?? (role == "CONSUMER" ? "Closed by consumer" : nil))
            }
            return "OK Conversation resolved successfully"
        case let state?:
            throw .badRequest("DialogChange supports only dialog.state CLOSE, not '\(state)'")
        }
    }

    /// `ParticipantsChange` naming a survey dialog (`dialogId`): an agent adds itself as the dialog's `AGENT`
    /// (node-agent-sdk's survey bot example), taking the survey over from the built-in survey bot, or removes itself.
    func changeDialogParticipants(
        _ conversation: inout Conversation, dialogId: String, field: WireJSON, session: AgentSession
    ) throws(UMSFailure) {
        guard var dialog = conversation.postSurvey, dialog.id == dialogId else {
            throw .notFound("Dialog \(dialogId) not found in conversation \(conversation.id)")
        }
        guard dialog.isOpen else { throw .badRequest("Dialog \(dialogId) is closed") }
        let role = field["role"]?.stringValue ?? "AGENT"
        guard role == "AGENT" else {
            throw .badRequest("ParticipantsChange on dialog \(dialogId) supports only role AGENT, not '\(role)'")
        }
        let me = ParticipantRef(id: session.userPid, role: "AGENT")
        switch field["type"]?.stringValue {
        case "ADD":
            dialog.participants.removeAll { $0 == SurveyBot.participant }
            dialog.survey = nil
            if !dialog.participants.contains(me) {
                dialog.participants.insert(me, at: min(1, dialog.participants.count))
            }
        case "REMOVE":
            dialog.participants.removeAll { $0 == me }
        case let type:
            throw .badRequest("ParticipantsChange type must be ADD or REMOVE, not '\(type ?? "")'")
        }
        dialog.lastUpdate = Self.now()
        conversation.postSurvey = dialog
    }
}
