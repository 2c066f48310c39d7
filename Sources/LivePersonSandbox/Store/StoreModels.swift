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
}

/// An account as the sandbox knows it: created on first use with one unauthenticated connector.
struct AccountInfo: Sendable, Equatable {
    let id: String
    let connectorID: String
}

/// Filter of one `cqm.SubscribeExConversations` subscription.
struct ExConversationFilter: Sendable {
    var states: Set<String>
    var stages: Set<String>
    var minLastUpdatedTime: Int64

    func matches(state: String, stage: String, lastUpdate: Int64) -> Bool {
        (states.isEmpty || states.contains(state)) && (stages.isEmpty || stages.contains(stage))
            && lastUpdate >= minLastUpdatedTime
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
    var agent: ParticipantRef?
    var agentIsBot = false
    var ttr = TTR(ttrType: "NORMAL", value: 3600)
    var csat: CSAT?
    var events: [MessagingEventChange] = []
    var nextSequence = 0
    var ringId: String?
    /// When and why MAIN closed, kept apart from ``endTs`` (the container's end) while a survey follows it.
    var mainEndTs: Int64?
    var mainClosedCause: String?
    var postSurvey: Dialog?

    enum CodingKeys: String, CodingKey {
        case id, account, consumerId, skillId, state, stage, closeReason, closedBy, startTs, endTs, lastUpdate, agent
        case agentIsBot, ttr, csat, ringId, mainEndTs, mainClosedCause, postSurvey
    }

    var details: ConversationDetails {
        var participants = [ParticipantRef(id: consumerId, role: "CONSUMER")]
        if let agent { participants.insert(agent, at: 0) }
        let dialogs = dialogDetails(mainParticipants: participants)
        participants += surveyParticipants
        return ConversationDetails(
            skillId: skillId, participants: participants, dialogs: dialogs, brandId: account, state: state,
            stage: stage, closeReason: closeReason, startTs: startTs, endTs: endTs, metaDataLastUpdateTs: lastUpdate,
            ttr: ttr, csat: csat)
    }
}
