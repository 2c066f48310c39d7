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
    /// `AGENTS_AND_MANAGERS` for an agent's private message, which consumers never receive; `nil` for everyone.
    public var messageAudience: String?

    public init(
        sequence: Int?, originator: ParticipantRef, serverTimestamp: Int64?, event: WireJSON,
        conversationId: String, dialogId: String, metadata: WireJSON? = nil, messageAudience: String? = nil
    ) {
        self.sequence = sequence
        self.originatorId = originator.id
        self.originatorMetadata = originator
        self.serverTimestamp = serverTimestamp
        self.event = event
        self.conversationId = conversationId
        self.dialogId = dialogId
        self.metadata = metadata
        self.messageAudience = messageAudience
    }

    /// Whether consumers may see this event (an agent's private message is for agents and managers only).
    public var isVisibleToConsumers: Bool { messageAudience != "AGENTS_AND_MANAGERS" }
}

/// `ms.MessagingEventNotification` body.
public struct MessagingEventNotificationBody: Codable, Hashable, Sendable {
    public var changes: [MessagingEventChange]

    public init(changes: [MessagingEventChange]) {
        self.changes = changes
    }
}

/// The flat brand-socket body of `ms.OnlineEventDistribution` (spec §3.7.3) and one element of
/// `.ams.ms.QueryMessages$Response`: the event with both of its originator's ids, `originatorId` in LivePerson's old
/// `account.userId` form for agents and `originatorPId` the participant id (node-agent-sdk's `Transformer` reads both).
public struct OnlineEventDistributionBody: Codable, Hashable, Sendable {
    public var sequence: Int?
    public var originatorId: String
    public var originatorPId: String
    public var originatorMetadata: ParticipantRef
    public var serverTimestamp: Int64?
    public var event: WireJSON
    public var conversationId: String
    public var dialogId: String
    public var metadata: WireJSON?
    public var messageAudience: String?

    /// `originatorId` is `legacyOriginatorId` (the agent's `account.userId`), or the participant id when `nil`.
    public init(change: MessagingEventChange, legacyOriginatorId: String? = nil) {
        self.sequence = change.sequence
        self.originatorId = legacyOriginatorId ?? change.originatorId
        self.originatorPId = change.originatorId
        self.originatorMetadata = change.originatorMetadata
        self.serverTimestamp = change.serverTimestamp
        self.event = change.event
        self.conversationId = change.conversationId
        self.dialogId = change.dialogId
        self.metadata = change.metadata
        self.messageAudience = change.messageAudience
    }
}
