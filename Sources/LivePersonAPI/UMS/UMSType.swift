/// Frame `type` names of the consumer (v3) and brand (v2) sockets.
public enum UMSType {
    // Requests
    public static let initConnection = "InitConnection"
    public static let getClock = "GetClock"
    public static let requestConversation = "cm.ConsumerRequestConversation"
    public static let updateConversationField = "cm.UpdateConversationField"
    public static let publishEvent = "ms.PublishEvent"
    public static let subscribeMessagingEvents = "ms.SubscribeMessagingEvents"
    public static let subscribeExConversations = "cqm.SubscribeExConversations"
    public static let unsubscribeExConversations = "cqm.UnsubscribeExConversations"
    public static let getUserProfile = "userprofile.GetUserProfile"
    public static let setUserProfile = "userprofile.SetUserProfile"
    public static let setAgentState = "routing.SetAgentState"
    public static let subscribeRoutingTasks = "routing.SubscribeRoutingTasks"
    public static let updateRingState = "routing.UpdateRingState"
    public static let subscribeAgentsState = "routing.SubscribeAgentsState"
    public static let updateRoutingTaskSubscription = "routing.UpdateRoutingTaskSubscription"
    public static let agentRequestConversation = "cm.AgentRequestConversation"
    public static let queryMessages = "ms.QueryMessages"
    public static let generateURLForUploadFile = "ms.GenerateURLForUploadFile"
    public static let generateURLForDownloadFile = "ms.GenerateURLForDownloadFile"
    public static let generateDownloadToken = "ms.token.GenerateDownloadToken"

    // Responses
    public static let stringResponse = ".ReqBody$StringResp"
    public static let getClockResponse = ".GetClock$Response"
    public static let requestConversationResponse = "cm.RequestConversationResponse"
    public static let publishEventResponse = "ms.PublishEventResponse"
    public static let genericSubscribeResponse = ".ams.GenericSubscribeResponse"
    public static let subscribeExConversationsResponse = "cqm.SubscribeExConversationsResponse"
    public static let getUserProfileResponse = ".ams.userprofile.GetUserProfile$Response"
    public static let routingSubscribeResponse = ".ams.GenericSubscribe$Response"
    public static let queryMessagesResponse = ".ams.ms.QueryMessages$Response"
    public static let agentRequestConversationResponse = ".ams.cm.AgentRequestConversation$Response"
    /// The answer to both URL requests, as the file-sharing tutorials' frames show it (the reference page and the
    /// schema name it `ms.GenerateURLResponse`).
    public static let generateURLResponse = "ms.BaseGenerateURLResponse"
    public static let generateDownloadTokenResponse = ".ams.ms.token.GenerateDownloadToken$Response"

    // Notifications
    public static let messagingEventNotification = "ms.MessagingEventNotification"
    public static let exConversationChangeNotification = "cqm.ExConversationChangeNotification"
    public static let onlineEventDistribution = "ms.OnlineEventDistribution"
    public static let routingTaskNotification = ".ams.routing.RoutingTaskNotification"
    public static let agentStateNotification = ".ams.routing.AgentStateNotification"
    /// The brand socket's names from API version 2.1 on (node-agent-sdk's default): `.ams.`-prefixed.
    public static let brandExConversationChangeNotification = ".ams.aam.ExConversationChangeNotification"
    public static let brandOnlineEventDistribution = ".ams.ms.OnlineEventDistribution"

    /// The short form of a request type: `.ams.ms.PublishEvent` → `ms.PublishEvent`, `.GetClock` → `GetClock`,
    /// `.ams.aam.SubscribeExConversations` → `cqm.SubscribeExConversations` (spec §3.6).
    public static func canonical(_ type: String) -> String {
        // Every prefix rewritten below starts with `.`, `a` or `u`; any other first byte (`ms.PublishEvent`, the type
        // of nearly every frame) is already short, and is returned without the Unicode-aware prefix comparisons.
        if let first = type.utf8.first, first != UInt8(ascii: "."), first != UInt8(ascii: "a"),
            first != UInt8(ascii: "u")
        {
            return type
        }
        var name = Substring(type)
        if name.hasPrefix(".ams.") {
            name = name.dropFirst(5)
        } else if name.hasPrefix(".") {
            name = name.dropFirst()
        }
        if name.hasPrefix("aam.") {
            return "cqm." + name.dropFirst(4)
        }
        if name.hasPrefix("up.") {
            return "userprofile." + name.dropFirst(3)
        }
        return String(name)
    }
}
