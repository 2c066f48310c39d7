import LivePersonAPI

/// A conversation as a container of dialogs: MAIN (the conversation's own fields and events, dialogId ==
/// conversationId) and, once MAIN closed with a survey configured, the `POST_SURVEY` dialog ``Conversation/postSurvey``.
extension Conversation {
    /// The `dialogs` of the conversation's details: MAIN, then the survey dialog (as the PCS tutorial lists them).
    func dialogDetails(mainParticipants: [ParticipantRef]) -> [DialogDetails] {
        let main = DialogDetails(
            dialogId: id, participantsDetails: mainParticipants.map { DialogParticipant($0) }, state: state,
            creationTs: startTs, endTs: mainEndTs ?? endTs, metaDataLastUpdateTs: mainEndTs ?? lastUpdate,
            closedBy: closedBy, closedCause: mainClosedCause ?? (closedBy == "CONSUMER" ? "Closed by consumer" : nil))
        guard let postSurvey else { return [main] }
        return [main, postSurvey.details]
    }

    /// The conversation-level participants the survey dialog adds (its `AGENT` and `READER`s), so that every role of
    /// a dialog's `participantsDetails` is also in the conversation's participants (node-agent-sdk maps the one onto
    /// the other).
    var surveyParticipants: [ParticipantRef] {
        postSurvey?.participants.filter { $0.role != "CONSUMER" } ?? []
    }

    /// Whether `dialogId` names one of this conversation's dialogs.
    func hasDialog(_ dialogId: String) -> Bool {
        dialogId == id || postSurvey?.id == dialogId
    }

    /// Whether the dialog is open (MAIN: the conversation's `state`).
    func isOpen(dialog dialogId: String) -> Bool {
        dialogId == id ? state == "OPEN" : postSurvey?.id == dialogId && postSurvey?.isOpen == true
    }

    /// The stored events of one dialog, in sequence order.
    func events(inDialog dialogId: String) -> [MessagingEventChange] {
        storedEvents(inDialog: dialogId).map { $0.change(conversationId: id, dialogId: dialogId) }
    }

    /// The newest event of a dialog, read back only when it is to be sent or written.
    func lastEvent(inDialog dialogId: String) -> MessagingEventChange? {
        storedEvents(inDialog: dialogId).last?.change(conversationId: id, dialogId: dialogId)
    }

    /// A dialog's events as stored.
    func storedEvents(inDialog dialogId: String) -> [StoredEvent] {
        dialogId == id ? events : postSurvey?.id == dialogId ? postSurvey?.events ?? [] : []
    }

    /// Appends one event to a dialog; returns its sequence (each dialog counts its own), or `nil` when `sequenced` is
    /// false (chat states) or the dialog is not this conversation's. The event is kept as a ``StoredEvent`` (its JSON
    /// as text); the conversation and dialog ids are added back when it is read.
    mutating func appendEvent(
        _ event: WireJSON, metadata: WireJSON?, from originator: ParticipantRef, serverTimestamp: Int64?,
        sequenced: Bool, dialogId: String, audience: String? = nil
    ) -> Int? {
        if dialogId == id {
            let sequence: Int? = sequenced ? nextSequence : nil
            events.append(
                StoredEvent(
                    sequence: sequence, originator: originator, serverTimestamp: serverTimestamp, event: event,
                    metadata: metadata, messageAudience: audience))
            if let sequence { nextSequence = sequence + 1 }
            return sequence
        }
        guard postSurvey?.id == dialogId, let next = postSurvey?.nextSequence else { return nil }
        let sequence: Int? = sequenced ? next : nil
        postSurvey?.events.append(
            StoredEvent(
                sequence: sequence, originator: originator, serverTimestamp: serverTimestamp, event: event,
                metadata: metadata, messageAudience: audience))
        if let sequence { postSurvey?.nextSequence = sequence + 1 }
        return sequence
    }

    /// Takes back the last event of a dialog (one whose write failed, or a delivered chat state); `sequence` is the
    /// dialog's next sequence again.
    mutating func removeLastEvent(inDialog dialogId: String, nextSequence sequence: Int? = nil) {
        if dialogId == id {
            events.removeLast()
            if let sequence { nextSequence = sequence }
        } else if postSurvey?.id == dialogId {
            postSurvey?.events.removeLast()
            if let sequence { postSurvey?.nextSequence = sequence }
        }
    }

    /// Puts back an event read from `--data` (in sequence order).
    mutating func restoreEvent(_ change: MessagingEventChange, dialogId: String) {
        if dialogId == id {
            events.append(StoredEvent(change))
            nextSequence = (change.sequence ?? 0) + 1
        } else if postSurvey?.id == dialogId {
            postSurvey?.events.append(StoredEvent(change))
            postSurvey?.nextSequence = (change.sequence ?? 0) + 1
        }
    }
}
