import LivePersonAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The sandbox's state and the messaging rules over it. Every socket and REST controller goes through this protocol;
/// ``InMemorySandboxStore`` implements it, in memory or written through to a ``SandboxPersistence`` (`--data`).
///
/// Methods that take a ``Reply`` send the request's answer themselves, before any notification they cause, and throw
/// ``UMSFailure`` (without sending anything) when they refuse.
protocol SandboxStore: Sendable {
    /// The bearers of logged-in agents, readable without waiting for the store (the connection pipeline checks a
    /// brand socket's bearer before the upgrade).
    var bearers: BearerRegistry { get }

    // Accounts and identities
    func account(_ id: String) async -> AccountInfo
    func agentLogin(account: String, loginName: String) async -> AgentSession
    func agentSession(bearer: String) async -> AgentSession?
    /// The agent of `account` whose participant id (`userPid`), user id or `account.userId` is `user`, once logged in.
    func agent(account: String, user: String) async -> AgentSession?
    func agentRefresh(account: String, sessionID: String?, csrf: String) async -> Bool
    /// Ends an agent session: its bearer stops working. `false` when the bearer is unknown.
    func agentLogout(bearer: String) async throws(SandboxPersistenceError) -> Bool

    // Token revocation (tokens are identified by the SHA-256 of their text)
    func revoke(tokenHash: String, expires: Int64) async throws(SandboxPersistenceError)
    func isRevoked(tokenHash: String) async -> Bool

    // Sockets
    func connect(account: String, participant: Participant, style: SocketStyle, outbox: Outbox) async -> ConnectionID
    func disconnect(_ connection: ConnectionID) async

    // Consumer and agent requests
    func requestConversation(_ connection: ConnectionID, skillId: String?, reply: Reply) async throws(UMSFailure)
    func publishEvent(
        _ connection: ConnectionID, dialogId: String, event: WireJSON, metadata: WireJSON?, audience: String?,
        reply: Reply
    ) async throws(UMSFailure)
    func subscribeMessagingEvents(_ connection: ConnectionID, dialogId: String, fromSeq: Int, reply: Reply)
        async throws(UMSFailure)
    func subscribeExConversations(_ connection: ConnectionID, filter: ExConversationFilter, reply: Reply) async
    func unsubscribeExConversations(_ connection: ConnectionID, subscriptionId: String, reply: Reply)
        async throws(UMSFailure)
    func updateConversationField(
        _ connection: ConnectionID, conversationId: String, fields: [WireJSON], reply: Reply
    ) async throws(UMSFailure)
    /// `userprofile.SetUserProfile` of a consumer (the Connector API's batch sends it before the conversation).
    func setUserProfile(_ connection: ConnectionID, profile: WireJSON, reply: Reply) async throws(UMSFailure)
    /// The profile a consumer last set, as sent; `nil` when it set none.
    func consumerProfile(account: String, consumerId: String) async -> WireJSON?

    // Agent-only requests
    func setAgentState(_ connection: ConnectionID, availability: String, reply: Reply) async throws(UMSFailure)
    func subscribeRoutingTasks(_ connection: ConnectionID, reply: Reply) async throws(UMSFailure)
    func updateRingState(_ connection: ConnectionID, ringId: String, state: String, reply: Reply)
        async throws(UMSFailure)
    func subscribeAgentsState(_ connection: ConnectionID, reply: Reply) async throws(UMSFailure)
    func updateRoutingTaskSubscription(_ connection: ConnectionID, subscriptionId: String?, reply: Reply)
        async throws(UMSFailure)
    func agentRequestConversation(_ connection: ConnectionID, consumerId: String, skillId: String?, reply: Reply)
        async throws(UMSFailure)
    func queryMessages(
        _ connection: ConnectionID, dialogId: String, newerThan: Int, olderThan: Int?, maxQuantity: Int, reply: Reply
    ) async throws(UMSFailure)

    // Messaging Interactions (msgHist)
    func conversationHistory(account: String, consumerId: String) async -> [WireJSON]
    func agentStatus(account: String, userIds: [String]) async -> [WireJSON]

    // Profiles
    func userProfile(_ connection: ConnectionID, of requested: String?, reply: Reply) async throws(UMSFailure)

    // File sharing (`swift` service) and site settings
    func generateUploadURL(_ connection: ConnectionID, body: WireJSON, reply: Reply) async throws(UMSFailure)
    func generateDownloadURL(_ connection: ConnectionID, relativePath: String, reply: Reply) async throws(UMSFailure)
    func generateDownloadToken(_ connection: ConnectionID, body: WireJSON, reply: Reply) async throws(UMSFailure)
    /// Checks a Swift request's temporary URL (the path as sent) and names the object it grants.
    func authorizeSwift(method: String, path: String, signature: String?, expires: String?)
        async throws(SwiftStoreFailure) -> SwiftObjectPath
    func putSwiftObject(_ path: SwiftObjectPath, data: Data, contentType: String?)
        async throws(SwiftStoreFailure) -> SwiftObject
    func swiftObject(_ path: SwiftObjectPath) async -> SwiftObject?
    func siteProperties(account: String) async -> (properties: [SiteProperty], revision: Int)
    func siteProperty(account: String, id: String) async -> SiteProperty?
    func setSiteProperty(account: String, _ property: SiteProperty) async throws(SandboxPersistenceError)
        -> (property: SiteProperty, revision: Int)
}
