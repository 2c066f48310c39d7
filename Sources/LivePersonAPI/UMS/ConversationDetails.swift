/// Time-to-respond of a conversation.
public struct TTR: Codable, Hashable, Sendable {
    public var ttrType: String
    public var value: Int

    public init(ttrType: String, value: Int) {
        self.ttrType = ttrType
        self.value = value
    }
}

/// A consumer's satisfaction answer (`CSATRate` field).
public struct CSAT: Codable, Hashable, Sendable {
    public var csatRate: Int
    public var csatResolutionConfirmation: Bool
    public var status: String

    public init(csatRate: Int, csatResolutionConfirmation: Bool, status: String) {
        self.csatRate = csatRate
        self.csatResolutionConfirmation = csatResolutionConfirmation
        self.status = status
    }
}

/// One dialog of a conversation (spec §3.7.2, §3.8): `MAIN` or `POST_SURVEY`.
public struct DialogDetails: Codable, Hashable, Sendable {
    public var dialogId: String
    public var participantsDetails: [DialogParticipant]
    public var dialogType: String
    public var channelType: String
    public var metaData: DialogMetaData?
    public var state: String
    public var creationTs: Int64
    public var endTs: Int64?
    public var metaDataLastUpdateTs: Int64
    public var closedBy: String?
    public var closedCause: String?

    public init(
        dialogId: String, participantsDetails: [DialogParticipant], dialogType: String = "MAIN",
        channelType: String = "MESSAGING", metaData: DialogMetaData? = nil, state: String, creationTs: Int64,
        endTs: Int64? = nil,
        metaDataLastUpdateTs: Int64, closedBy: String? = nil, closedCause: String? = nil
    ) {
        self.dialogId = dialogId
        self.participantsDetails = participantsDetails
        self.dialogType = dialogType
        self.channelType = channelType
        self.metaData = metaData
        self.state = state
        self.creationTs = creationTs
        self.endTs = endTs
        self.metaDataLastUpdateTs = metaDataLastUpdateTs
        self.closedBy = closedBy
        self.closedCause = closedCause
    }
}

/// `conversationDetails` of an ExConversation change. Carries both `participants` (array, v3) and
/// `participantsPId` (role → ids, older clients), as spec §3.7.2 recommends.
public struct ConversationDetails: Codable, Hashable, Sendable {
    public var skillId: String
    public var participants: [ParticipantRef]
    public var participantsPId: [String: [String]]
    public var dialogs: [DialogDetails]
    public var brandId: String
    public var state: String
    public var stage: String
    public var closeReason: String?
    public var startTs: Int64
    public var endTs: Int64?
    public var metaDataLastUpdateTs: Int64
    public var ttr: TTR
    public var csat: CSAT?

    public init(
        skillId: String, participants: [ParticipantRef], dialogs: [DialogDetails], brandId: String, state: String,
        stage: String, closeReason: String?, startTs: Int64, endTs: Int64?, metaDataLastUpdateTs: Int64, ttr: TTR,
        csat: CSAT?
    ) {
        self.skillId = skillId
        self.participants = participants
        self.participantsPId = Dictionary(grouping: participants, by: \.role).mapValues { $0.map(\.id) }
        self.dialogs = dialogs
        self.brandId = brandId
        self.state = state
        self.stage = stage
        self.closeReason = closeReason
        self.startTs = startTs
        self.endTs = endTs
        self.metaDataLastUpdateTs = metaDataLastUpdateTs
        self.ttr = ttr
        self.csat = csat
    }
}

/// `result` of an ExConversation change.
public struct ExConversationResult: Codable, Hashable, Sendable {
    public var convId: String
    public var effectiveTTR: Int64
    public var conversationDetails: ConversationDetails
    public var lastUpdateTime: Int64

    public init(convId: String, effectiveTTR: Int64 = -1, conversationDetails: ConversationDetails) {
        self.convId = convId
        self.effectiveTTR = effectiveTTR
        self.conversationDetails = conversationDetails
        self.lastUpdateTime = conversationDetails.metaDataLastUpdateTs
    }
}

/// One change, `UPSERT` or `DELETE`.
public struct ExConversationChange: Codable, Hashable, Sendable {
    public var type: String
    public var result: ExConversationResult

    public init(type: String, result: ExConversationResult) {
        self.type = type
        self.result = result
    }
}

/// `cqm.ExConversationChangeNotification` body.
public struct ExConversationNotificationBody: Codable, Hashable, Sendable {
    public var subscriptionId: String
    public var changes: [ExConversationChange]

    public init(subscriptionId: String, changes: [ExConversationChange]) {
        self.subscriptionId = subscriptionId
        self.changes = changes
    }
}
