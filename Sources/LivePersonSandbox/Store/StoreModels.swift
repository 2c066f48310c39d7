import LivePersonAPI

/// Identifies one open socket.
typealias ConnectionID = Int

/// Who is on the other end of a socket.
enum Participant: Sendable, Equatable {
    case consumer(id: String)
    case agent(AgentSession)

    var reference: ParticipantRef {
        switch self {
        case .consumer(let id): ParticipantRef(id: id, role: "CONSUMER")
        case .agent(let session): ParticipantRef(id: session.userPid, role: "ASSIGNED_AGENT")
        }
    }
}

/// A logged-in agent (agentVep login).
struct AgentSession: Sendable, Equatable, Codable {
    let account: String
    let loginName: String
    let userId: String
    let userPid: String
    let bearer: String
    let csrf: String
    let sessionID: String

    /// LivePerson's old-style agent id, `account.userId`, as brand-socket notifications and the agent SDKs name agents.
    var legacyId: String { account + "." + userId }
}

/// An account as the sandbox knows it: created on first use with one unauthenticated connector.
struct AccountInfo: Sendable, Equatable {
    let id: String
    let connectorID: String
}

/// Filter of one `cqm.SubscribeExConversations` subscription. Empty sets and `nil` match everything.
struct ExConversationFilter: Sendable {
    var states: Set<String>
    var stages: Set<String>
    var minLastUpdatedTime: Int64
    /// Agents, by participant id or old-style `account.userId`: only conversations where one of them takes part.
    var agentIds: Set<String> = []
    var consumerId: String?
    var brandId: String?

    func matches(state: String, stage: String, lastUpdate: Int64) -> Bool {
        (states.isEmpty || states.contains(state)) && (stages.isEmpty || stages.contains(stage))
            && lastUpdate >= minLastUpdatedTime
    }

    /// The participant filters: consumer, brand and agents (`legacyId` gives an agent's old-style id).
    func matchesParticipants(of conversation: Conversation, legacyId: (String) -> String) -> Bool {
        if let consumerId, consumerId != conversation.consumerId { return false }
        if let brandId, brandId != conversation.account { return false }
        guard !agentIds.isEmpty else { return true }
        return conversation.agentParticipants.contains {
            agentIds.contains($0.id) || agentIds.contains(legacyId($0.id))
        }
    }
}

/// A request's id and the outbox its answer goes to; the store answers before it emits notifications, so a client
/// always sees the response first.
struct Reply: Sendable {
    let reqId: String
    let outbox: Outbox

    func send(_ text: String) {
        outbox.send(text)
    }
}

/// One conversation: a container of dialogs (spec §3.8). Its own fields are those of the MAIN dialog (dialogId ==
/// conversationId) and of the container (`stage`); a `POST_SURVEY` dialog, when one opened, is ``postSurvey``. Its
/// Codable form (what `--data` stores) leaves out the events, which are stored one row each.
struct Conversation: Sendable, Codable {
    let id: String
    let account: String
    let consumerId: String
    var skillId = "-1"
    var state = "OPEN"
    var stage = "OPEN"
    var closeReason: String?
    var closedBy: String?
    let startTs: Int64
    var endTs: Int64?
    var lastUpdate: Int64
    /// The `ASSIGNED_AGENT`.
    var agent: ParticipantRef?
    var agentIsBot = false
    /// Agents in other roles (`MANAGER`, `READER`, `AGENT_FULL`…), who joined with `ParticipantsChange` `ADD`.
    var otherAgents: [ParticipantRef]?
    /// The agent a transfer suggested (`ParticipantsChange` `SUGGEST`): only this agent is rung.
    var suggestedAgent: String?
    var ttr = TTR(ttrType: "NORMAL", value: 3600)
    var csat: CSAT?
    /// MAIN's events (``events(inDialog:)`` reads them back as changes).
    var events: [StoredEvent] = []
    var nextSequence = 0
    var ringId: String?
    /// The agent the current ring is offered to (not stored: a restart forgets rings).
    var ringAgent: String?
    /// When and why MAIN closed, kept apart from ``endTs`` (the container's end) while a survey follows it.
    var mainEndTs: Int64?
    var mainClosedCause: String?
    var postSurvey: Dialog?

    enum CodingKeys: String, CodingKey {
        case id, account, consumerId, skillId, state, stage, closeReason, closedBy, startTs, endTs, lastUpdate, agent
        case agentIsBot, ttr, csat, ringId, otherAgents, suggestedAgent, mainEndTs, mainClosedCause, postSurvey
    }

    /// Every agent taking part in MAIN, the assigned agent first.
    var agentParticipants: [ParticipantRef] {
        (agent.map { [$0] } ?? []) + (otherAgents ?? [])
    }

    /// The role `participantId` has in this conversation's MAIN dialog, if any.
    func role(of participantId: String) -> String? {
        if participantId == consumerId { return "CONSUMER" }
        return agentParticipants.first { $0.id == participantId }?.role
    }

    var details: ConversationDetails {
        var participants = agentParticipants + [ParticipantRef(id: consumerId, role: "CONSUMER")]
        let dialogs = dialogDetails(mainParticipants: participants)
        participants += surveyParticipants
        return ConversationDetails(
            skillId: skillId, participants: participants, dialogs: dialogs, brandId: account, state: state,
            stage: stage, closeReason: closeReason, startTs: startTs, endTs: endTs, metaDataLastUpdateTs: lastUpdate,
            ttr: ttr, csat: csat)
    }
}
