/// One ring offered to an agent (spec §4.5).
public struct RingDetails: Codable, Hashable, Sendable {
    public var ringId: String
    public var ringExpiration: Int
    public var ringState: String
    public var convId: String
    public var consumerId: String
    public var skillId: String

    public init(
        ringId: String, ringExpiration: Int, ringState: String, convId: String, consumerId: String, skillId: String
    ) {
        self.ringId = ringId
        self.ringExpiration = ringExpiration
        self.ringState = ringState
        self.convId = convId
        self.consumerId = consumerId
        self.skillId = skillId
    }
}

/// A routing task: the rings for one conversation.
public struct RoutingTask: Codable, Hashable, Sendable {
    public var routingTaskId: String
    public var conversationId: String
    public var consumerId: String
    public var skillId: String
    public var taskCompleted: Bool
    public var ringsDetails: [RingDetails]

    public init(
        routingTaskId: String, conversationId: String, consumerId: String, skillId: String, taskCompleted: Bool,
        ringsDetails: [RingDetails]
    ) {
        self.routingTaskId = routingTaskId
        self.conversationId = conversationId
        self.consumerId = consumerId
        self.skillId = skillId
        self.taskCompleted = taskCompleted
        self.ringsDetails = ringsDetails
    }
}

/// One routing change.
public struct RoutingTaskChange: Codable, Hashable, Sendable {
    public var type: String
    public var result: RoutingTask

    public init(type: String, result: RoutingTask) {
        self.type = type
        self.result = result
    }
}

/// `.ams.routing.RoutingTaskNotification` body.
public struct RoutingTaskNotificationBody: Codable, Hashable, Sendable {
    public var subscriptionId: String
    public var changes: [RoutingTaskChange]

    public init(subscriptionId: String, changes: [RoutingTaskChange]) {
        self.subscriptionId = subscriptionId
        self.changes = changes
    }
}
