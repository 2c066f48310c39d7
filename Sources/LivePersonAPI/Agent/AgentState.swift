/// One agent's state as `.ams.routing.AgentStateNotification` carries it (spec §4.4).
public struct AgentState: Codable, Hashable, Sendable {
    /// The agent's old-style id, `account.userId`.
    public var agentUserId: String
    public var availability: String
    public var channels: [String]

    public init(agentUserId: String, availability: String, channels: [String] = ["MESSAGING"]) {
        self.agentUserId = agentUserId
        self.availability = availability
        self.channels = channels
    }
}

/// One change of an agent-state subscription.
public struct AgentStateChange: Codable, Hashable, Sendable {
    public var type: String
    public var result: AgentState

    public init(type: String = "UPSERT", result: AgentState) {
        self.type = type
        self.result = result
    }
}

/// `.ams.routing.AgentStateNotification` body.
public struct AgentStateNotificationBody: Codable, Hashable, Sendable {
    public var subscriptionId: String
    public var changes: [AgentStateChange]

    public init(subscriptionId: String, changes: [AgentStateChange]) {
        self.subscriptionId = subscriptionId
        self.changes = changes
    }
}
