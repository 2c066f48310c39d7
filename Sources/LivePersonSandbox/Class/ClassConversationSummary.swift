import LivePersonAPI

/// One conversation of a learner's account as the dashboard shows it (never a token, never another account's).
struct ClassConversationSummary: Codable, Sendable, Equatable {
    let id: String
    /// `OPEN` or `CLOSE`.
    let state: String
    /// Who holds it: `bot`, `teacher`, `agent` (another agent the learner logged in), or `none` (waiting).
    let agent: String
    /// Whether a ring is out for it (an online agent can accept it).
    let ringing: Bool
    /// Whether its post-conversation survey is running.
    let survey: Bool
    let lastMessage: String?
    let lastMessageAt: Int64?
    let startedAt: Int64
}

extension InMemorySandboxStore {
    /// The teacher's agent identity on a learner's account (login name `teacher`), as ``agentLogin`` makes it.
    static func teacherAgentId(account: String) -> String {
        StableID.uuid(account + "/agent/teacher")
    }

    /// The conversations of each of `accounts` (newest first, at most `limit` each) and how many sockets each account
    /// has open: what the class dashboard polls.
    func classSummaries(accounts: Set<String>, limit: Int = 8)
        -> (conversations: [String: [ClassConversationSummary]], openSockets: [String: Int])
    {
        var byAccount: [String: [Conversation]] = [:]
        for conversation in conversations.values where accounts.contains(conversation.account) {
            byAccount[conversation.account, default: []].append(conversation)
        }
        var summaries: [String: [ClassConversationSummary]] = [:]
        for (account, list) in byAccount {
            let newest = list.sorted { $0.startTs > $1.startTs }.prefix(limit)
            summaries[account] = newest.map { Self.summary(of: $0) }
        }
        var sockets: [String: Int] = [:]
        for connection in connections.values where accounts.contains(connection.account) {
            sockets[connection.account, default: 0] += 1
        }
        return (summaries, sockets)
    }

    /// How many messaging sockets `account` has open.
    func openSocketCount(account: String) -> Int {
        connections.values.reduce(0) { $0 + ($1.account == account ? 1 : 0) }
    }

    static func summary(of conversation: Conversation) -> ClassConversationSummary {
        let holder: String
        if conversation.agentIsBot {
            holder = "bot"
        } else if let agent = conversation.agent {
            holder = agent.id == teacherAgentId(account: conversation.account) ? "teacher" : "agent"
        } else {
            holder = "none"
        }
        var last: (text: String, at: Int64?)?
        for event in conversation.events.reversed() {
            let value = WireJSONText.value(of: event.eventText)
            if value["type"]?.stringValue == "ContentEvent", let message = value["message"]?.stringValue {
                last = (message, event.serverTimestamp)
                break
            }
        }
        let surveyRunning = conversation.postSurvey.map { $0.state == "OPEN" } ?? false
        return ClassConversationSummary(
            id: conversation.id, state: conversation.state, agent: holder,
            ringing: conversation.ringId != nil && conversation.agent == nil, survey: surveyRunning,
            lastMessage: last.map { SecretRedaction.masked(String($0.text.prefix(200))) }, lastMessageAt: last?.at,
            startedAt: conversation.startTs)
    }
}
