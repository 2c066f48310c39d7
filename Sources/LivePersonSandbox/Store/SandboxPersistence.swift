import LivePersonAPI

/// Where ``InMemorySandboxStore`` writes every change before it answers the request that caused it (`--data DIR`).
/// The store stays the read model: it loads ``PersistedState`` once at start and then only writes.
///
/// Calls come from the store actor only, one at a time; each returns once the change is committed.
protocol SandboxPersistence: AnyObject {
    /// Everything stored so far.
    func load() throws(SandboxPersistenceError) -> PersistedState
    func saveAccount(_ account: AccountInfo) throws(SandboxPersistenceError)
    /// The conversation's fields, without its events.
    func saveConversation(_ conversation: Conversation) throws(SandboxPersistenceError)
    /// One sequenced event (content or receipt) of a dialog, stored under the dialog's id as `conversationId` (a MAIN
    /// dialog's id is its conversation's; a survey dialog's events sit under the survey dialog's id).
    func saveEvent(_ change: MessagingEventChange, conversationId: String) throws(SandboxPersistenceError)
    func saveAgentSession(_ session: AgentSession) throws(SandboxPersistenceError)
    func deleteAgentSession(bearer: String) throws(SandboxPersistenceError)
    /// A revoked token (by its SHA-256), kept until `expires` (epoch seconds) when the token would have died anyway.
    func saveRevocation(tokenHash: String, expires: Int64) throws(SandboxPersistenceError)
}

/// What a ``SandboxPersistence`` holds; conversations come with their events in sequence order.
struct PersistedState {
    var accounts: [AccountInfo] = []
    var conversations: [Conversation] = []
    var agentSessions: [AgentSession] = []
    /// Token hash → expiry (epoch seconds).
    var revocations: [String: Int64] = [:]
}

/// A failed read or write of the sandbox's data; `description` is the one line shown to the user.
struct SandboxPersistenceError: Error, CustomStringConvertible {
    let description: String
}
