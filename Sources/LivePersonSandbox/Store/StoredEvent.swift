import LivePersonAPI

/// One event as a dialog keeps it: the event object and its metadata as JSON text, not as ``WireJSON`` values. A
/// dictionary per event cost about 600 bytes of heap (BENCHMARKS.md, "Issue 19: sandbox load targets"); a text is
/// one allocation the size of the JSON. Read back (``change(conversationId:dialogId:)``) only when a notification,
/// history query or backlog needs the event.
struct StoredEvent: Sendable {
    let sequence: Int?
    let originator: ParticipantRef
    let serverTimestamp: Int64?
    let eventText: String
    let metadataText: String?
    /// `AGENTS_AND_MANAGERS` for an agent's private message; `nil` for everyone.
    let messageAudience: String?

    init(
        sequence: Int?, originator: ParticipantRef, serverTimestamp: Int64?, event: WireJSON, metadata: WireJSON?,
        messageAudience: String?
    ) {
        self.sequence = sequence
        self.originator = originator
        self.serverTimestamp = serverTimestamp
        self.eventText = WireJSONText.text(of: event)
        self.metadataText = metadata.map(WireJSONText.text(of:))
        self.messageAudience = messageAudience
    }

    init(_ change: MessagingEventChange) {
        self.init(
            sequence: change.sequence, originator: change.originatorMetadata, serverTimestamp: change.serverTimestamp,
            event: change.event, metadata: change.metadata, messageAudience: change.messageAudience)
    }

    /// The event as notifications and queries carry it, in the dialog `dialogId` of conversation `conversationId`.
    func change(conversationId: String, dialogId: String) -> MessagingEventChange {
        MessagingEventChange(
            sequence: sequence, originator: originator, serverTimestamp: serverTimestamp,
            event: WireJSONText.value(of: eventText), conversationId: conversationId, dialogId: dialogId,
            metadata: metadataText.map(WireJSONText.value(of:)), messageAudience: messageAudience)
    }
}
