/// A participant's id and role as notifications carry it.
public struct ParticipantRef: Codable, Hashable, Sendable {
    public var id: String
    public var role: String

    public init(id: String, role: String) {
        self.id = id
        self.role = role
    }
}

/// One event of `ms.MessagingEventNotification` (spec §3.7.1). Chat-state events carry no `sequence` or
/// `serverTimestamp`.
public struct MessagingEventChange: Codable, Hashable, Sendable {
    public var sequence: Int?
    public var originatorId: String
    public var originatorMetadata: ParticipantRef
    public var serverTimestamp: Int64?
    public var event: WireJSON
    public var conversationId: String
    public var dialogId: String
    public var metadata: WireJSON?

    public init(
        sequence: Int?, originator: ParticipantRef, serverTimestamp: Int64?, event: WireJSON,
        conversationId: String, dialogId: String, metadata: WireJSON? = nil
    ) {
        self.sequence = sequence
        self.originatorId = originator.id
        self.originatorMetadata = originator
        self.serverTimestamp = serverTimestamp
        self.event = event
        self.conversationId = conversationId
        self.dialogId = dialogId
        self.metadata = metadata
    }
}

/// `ms.MessagingEventNotification` body.
public struct MessagingEventNotificationBody: Codable, Hashable, Sendable {
    public var changes: [MessagingEventChange]

    public init(changes: [MessagingEventChange]) {
        self.changes = changes
    }
}

/// The flat brand-socket body of `ms.OnlineEventDistribution` (spec §3.7.3).
public struct OnlineEventDistributionBody: Codable, Hashable, Sendable {
    public var sequence: Int?
    public var originatorPId: String
    public var serverTimestamp: Int64?
    public var event: WireJSON
    public var dialogId: String

    public init(change: MessagingEventChange) {
        self.sequence = change.sequence
        self.originatorPId = change.originatorId
        self.serverTimestamp = change.serverTimestamp
        self.event = change.event
        self.dialogId = change.dialogId
    }
}
