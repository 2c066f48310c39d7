/// `cm.RequestConversationResponse` body.
public struct RequestConversationBody: Codable, Hashable, Sendable {
    public var conversationId: String

    public init(conversationId: String) {
        self.conversationId = conversationId
    }
}

/// `ms.PublishEventResponse` body: the sequence the event got in its dialog (0 for chat-state events).
public struct PublishEventBody: Codable, Hashable, Sendable {
    public var sequence: Int

    public init(sequence: Int) {
        self.sequence = sequence
    }
}

/// `.GetClock$Response` body: the server time in epoch milliseconds.
public struct ClockBody: Codable, Hashable, Sendable {
    public var currentTime: Int64

    public init(currentTime: Int64) {
        self.currentTime = currentTime
    }
}

/// A subscription answer body, `{"subscriptionId": …}`.
public struct SubscriptionBody: Codable, Hashable, Sendable {
    public var subscriptionId: String

    public init(subscriptionId: String) {
        self.subscriptionId = subscriptionId
    }
}
