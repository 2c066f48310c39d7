import LivePersonAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The in-memory ``SandboxStore``: one actor owns every account, conversation, agent session and socket
/// subscription, so the messaging rules never race. With a ``SandboxPersistence`` (`--data DIR`) it writes each
/// change through before it answers, and starts from what was stored.
actor InMemorySandboxStore: SandboxStore {
    /// One open socket and what it subscribed to.
    struct Connection {
        let account: String
        let participant: Participant
        let style: SocketStyle
        let outbox: Outbox
        var exSubscriptions: [String: ExConversationFilter] = [:]
        /// Conversation ids each ExConversation subscription has announced (to send DELETE when one drops out).
        var exAnnounced: [String: Set<String>] = [:]
        var dialogSubscriptions: Set<String> = []
        var routingSubscription: String?
        var agentStateSubscription: String?
        var availability = "OFFLINE"
    }

    let bot: BotAgent
    nonisolated let bearers = BearerRegistry()
    /// One lock, taken by the actor's jobs and by the messaging sockets' event loops alike (``withState(_:)``).
    nonisolated let executor = StoreExecutor()
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    /// Each agent's old-style id (`account.userId`) by participant id, as brand-socket notifications name agents.
    var legacyAgentIds: [String: String] = [:]
    /// When each agent last took a conversation (epoch ms), for ``route(_:)``'s order.
    var lastAssignment: [String: Int64] = [:]
    /// The agents who rejected each waiting conversation's ring: it is not offered to them again.
    var ringRefusals: [String: Set<String>] = [:]
    let surveyBot: SurveyBot
    var accounts: [String: AccountInfo] = [:]
    var agentSessions: [String: AgentSession] = [:]
    var connections: [ConnectionID: Connection] = [:]
    /// The sockets subscribed to each dialog (the inverse of ``Connection/dialogSubscriptions``), so that a publish
    /// looks only at them and not at every socket.
    var dialogSubscribers: [String: Set<ConnectionID>] = [:]
    /// The brand (agent) sockets, candidates for `ms.OnlineEventDistribution`.
    var agentConnections: Set<ConnectionID> = []
    var nextConnection: ConnectionID = 1
    var conversations: [String: Conversation] = [:]
    /// Open conversation of each consumer, keyed by `account/consumerId`.
    var openConversation: [String: String] = [:]
    /// The body of each consumer's last `userprofile.SetUserProfile`, keyed by `account/consumerId` (memory only).
    var consumerProfiles: [String: WireJSON] = [:]
    /// The conversation of each dialog that is not a MAIN one (a MAIN dialog's id is its conversation's).
    var dialogOwners: [String: String] = [:]
    /// Revoked tokens (SHA-256 hex) and when each would have expired anyway (epoch seconds).
    var revokedTokens: [String: Int64] = [:]
    /// The bot's pending steps per conversation, run in order by one task per conversation (``enqueueBot(_:in:)``).
    var botQueues: [String: [(work: BotWork, due: ContinuousClock.Instant)]] = [:]
    /// Where changes are written before they are acknowledged; `nil`: memory only.
    let persistence: (any SandboxPersistence)?
    /// Shared files, the temp-URL key and site settings (`InMemorySandboxStore+Files.swift`, `+SiteSettings.swift`).
    var fileSharing: FileSharingState

    init(
        bot: BotAgent, surveyBot: SurveyBot = SurveyBot(), persistence: sending (any SandboxPersistence)? = nil,
        state: PersistedState = PersistedState(), fileSharing: FileSharingState = FileSharingState()
    ) {
        self.bot = bot
        self.surveyBot = surveyBot
        self.persistence = persistence
        self.fileSharing = fileSharing
        for account in state.accounts {
            accounts[account.id] = account
        }
        for conversation in state.conversations {
            conversations[conversation.id] = conversation
            if let dialog = conversation.postSurvey { dialogOwners[dialog.id] = conversation.id }
            if conversation.state == "OPEN" {
                openConversation[Self.consumerKey(account: conversation.account, consumerId: conversation.consumerId)] =
                    conversation.id
            }
        }
        for session in state.agentSessions {
            agentSessions[session.bearer] = session
            bearers.insert(session.bearer, account: session.account)
            legacyAgentIds[session.userPid] = session.legacyId
        }
        revokedTokens = state.revocations
    }

    /// A store that keeps its state in `directory` (`--data`), starting from what is already there.
    static func open(bot: BotAgent, surveyBot: SurveyBot = SurveyBot(), dataDirectory directory: String)
        throws(SandboxPersistenceError) -> InMemorySandboxStore
    {
        let persistence = try SQLitePersistence(directory: directory)
        let state = try persistence.load()
        let fileSharing = try FileSharingState(directory: directory)
        return InMemorySandboxStore(
            bot: bot, surveyBot: surveyBot, persistence: persistence, state: state, fileSharing: fileSharing)
    }

    /// Writes a conversation's fields through (before the caller answers), then keeps it.
    func save(_ conversation: Conversation) throws(UMSFailure) {
        do {
            try persistence?.saveConversation(conversation)
        } catch {
            throw .storageFailed(error.description)
        }
        conversations[conversation.id] = conversation
    }

    static func now() -> Int64 {
        Int64(Date().timeIntervalSince1970 * 1000)
    }

    static func consumerKey(account: String, consumerId: String) -> String {
        account + "/" + consumerId
    }

    // MARK: Accounts and agents

    func account(_ id: String) -> AccountInfo {
        if let info = accounts[id] { return info }
        let info = AccountInfo(id: id, connectorID: Self.connectorID(for: id))
        accounts[id] = info
        // Accounts are re-created on first use anyway (same connector id), so a failed write loses nothing.
        try? persistence?.saveAccount(info)
        return info
    }

    /// A stable numeric connector id per account, so printed export lines stay valid across restarts.
    static func connectorID(for account: String) -> String {
        String(1_000_000_000 + StableID.number("connector/" + account) % 8_999_999_999)
    }

    func agentLogin(account: String, loginName: String) -> AgentSession {
        _ = self.account(account)
        let userId = String(StableID.number(account + "/" + loginName) % 9_000_000_000 + 1_000_000_000)
        let session = AgentSession(
            account: account, loginName: loginName, userId: userId,
            userPid: StableID.uuid(account + "/agent/" + loginName), bearer: StableID.randomHex(bytes: 32),
            csrf: StableID.randomHex(bytes: 32), sessionID: StableID.randomHex(bytes: 16))
        agentSessions[session.bearer] = session
        bearers.insert(session.bearer, account: account)
        legacyAgentIds[session.userPid] = session.legacyId
        try? persistence?.saveAgentSession(session)
        return session
    }

    func agent(account: String, user: String) -> AgentSession? {
        agentSessions.values.first {
            $0.account == account && ($0.userPid == user || $0.userId == user || $0.legacyId == user)
        }
    }

    func agentLogout(bearer: String) throws(SandboxPersistenceError) -> Bool {
        guard agentSessions[bearer] != nil else { return false }
        try persistence?.deleteAgentSession(bearer: bearer)
        agentSessions[bearer] = nil
        bearers.remove(bearer)
        return true
    }

    func revoke(tokenHash: String, expires: Int64) throws(SandboxPersistenceError) {
        try persistence?.saveRevocation(tokenHash: tokenHash, expires: expires)
        revokedTokens[tokenHash] = expires
    }

    func isRevoked(tokenHash: String) -> Bool {
        revokedTokens[tokenHash] != nil
    }

    func agentSession(bearer: String) -> AgentSession? {
        agentSessions[bearer]
    }

    func agentRefresh(account: String, sessionID: String?, csrf: String) -> Bool {
        agentSessions.values.contains {
            $0.account == account && $0.csrf == csrf && (sessionID ?? $0.sessionID) == $0.sessionID
        }
    }

    // MARK: Sockets

    func connect(account: String, participant: Participant, style: SocketStyle, outbox: Outbox) -> ConnectionID {
        _ = self.account(account)
        let id = nextConnection
        nextConnection += 1
        connections[id] = Connection(account: account, participant: participant, style: style, outbox: outbox)
        if case .agent = participant { agentConnections.insert(id) }
        return id
    }

    func disconnect(_ connection: ConnectionID) {
        guard let removed = connections.removeValue(forKey: connection) else { return }
        agentConnections.remove(connection)
        if case .agent(let session) = removed.participant, removed.routingSubscription != nil {
            reofferRings(of: session.userPid)
        }
        for dialogId in removed.dialogSubscriptions {
            dialogSubscribers[dialogId]?.remove(connection)
            if dialogSubscribers[dialogId]?.isEmpty == true { dialogSubscribers[dialogId] = nil }
        }
    }

    func connection(_ id: ConnectionID) throws(UMSFailure) -> Connection {
        guard let connection = connections[id] else { throw .unauthorized("Connection is not registered") }
        return connection
    }

    func agentConnection(_ id: ConnectionID) throws(UMSFailure) -> (Connection, AgentSession) {
        let connection = try connection(id)
        guard case .agent(let session) = connection.participant else {
            throw .forbidden("Only agents can send this request")
        }
        return (connection, session)
    }
}
