import LivePersonAPI

/// The brand socket's requests beyond routing and publishing (node-agent-sdk `lib/Const.js` `REQUESTS`).
extension InMemorySandboxStore {
    /// `.ams.ms.QueryMessages`: the dialog's stored events from `newerThanSequence` on (inclusive: node-agent-sdk
    /// sends its `fromSeq`, 0 for "everything", under this name), before `olderThanSequence` if given, at most
    /// `maxQuantity`, each with both originator ids (spec §3.6.5).
    func queryMessages(
        _ connectionID: ConnectionID, dialogId: String, newerThan: Int, olderThan: Int?, maxQuantity: Int,
        reply: Reply
    ) throws(UMSFailure) {
        let (connection, _) = try agentConnection(connectionID)
        guard let conversation = conversation(ofDialog: dialogId), conversation.account == connection.account else {
            throw .notFound("Dialog \(dialogId) not found")
        }
        let events = conversation.events(inDialog: dialogId).filter {
            guard let sequence = $0.sequence else { return false }
            return sequence >= newerThan && olderThan.map { sequence < $0 } ?? true
        }
        let bodies = events.prefix(max(0, maxQuantity)).map {
            OnlineEventDistributionBody(
                change: $0, legacyOriginatorId: legacyId(of: $0.originatorId, account: conversation.account))
        }
        reply.send(FrameEncoder.response(reqId: reply.reqId, type: UMSType.queryMessagesResponse, body: bodies))
    }

    /// `.ams.userprofile.GetUserProfile`: no id, the caller's own profile (`{userId: account.userId}`, spec §4.3); a
    /// consumer id, that consumer's profile (what it set, with `userId` and `role`); an agent id (either form), that
    /// agent's. A consumer may read only its own profile.
    func userProfile(_ connectionID: ConnectionID, of requested: String?, reply: Reply) throws(UMSFailure) {
        let connection = try connection(connectionID)
        let account = connection.account
        let profile: WireJSON
        switch (connection.participant, requested) {
        case (.consumer(let id), let other):
            if let other, other != id {
                throw .forbidden("A consumer can read only its own profile, not \(other)")
            }
            profile = profileAnswer(account: account, consumerId: id)
        case (.agent(let session), nil):
            profile = .object(["userId": .string(session.legacyId)])
        case (.agent, let id?):
            if let agent = participantId(ofAgent: id) {
                profile = agentProfile(agent, account: account)
            } else if knowsConsumer(id, account: account) {
                profile = profileAnswer(account: account, consumerId: id)
            } else {
                throw .notFound("User \(id) not found")
            }
        }
        reply.send(FrameEncoder.response(reqId: reply.reqId, type: UMSType.getUserProfileResponse, body: profile))
    }

    private func knowsConsumer(_ id: String, account: String) -> Bool {
        consumerProfiles[Self.consumerKey(account: account, consumerId: id)] != nil
            || openConversation[Self.consumerKey(account: account, consumerId: id)] != nil
            || conversations.values.contains { $0.account == account && $0.consumerId == id }
    }

    private func profileAnswer(account: String, consumerId: String) -> WireJSON {
        var fields: [String: WireJSON] = [:]
        if case .object(let stored)? = consumerProfiles[Self.consumerKey(account: account, consumerId: consumerId)] {
            fields = stored
        }
        fields["userId"] = .string(consumerId)
        fields["role"] = fields["role"] ?? .string("CONSUMER")
        return .object(fields)
    }

    private func agentProfile(_ participantId: String, account: String) -> WireJSON {
        let legacy = legacyId(of: participantId, account: account)
        let name =
            participantId == BotAgent.participant.id
            ? BotAgent.nickname : agentSessions.values.first { $0.userPid == participantId }?.loginName ?? legacy
        return .object([
            "userId": .string(legacy), "pid": .string(participantId), "nickname": .string(name),
            "firstName": .string(name), "role": .string("ASSIGNED_AGENT"),
        ])
    }

    /// `.ams.routing.SubscribeAgentsState`: the caller's state now, then a notification on every change of it.
    func subscribeAgentsState(_ connectionID: ConnectionID, reply: Reply) throws(UMSFailure) {
        var (connection, session) = try agentConnection(connectionID)
        let subscriptionId = connection.agentStateSubscription ?? StableID.randomUUID()
        connection.agentStateSubscription = subscriptionId
        connections[connectionID] = connection
        reply.send(
            FrameEncoder.response(
                reqId: reply.reqId, type: UMSType.routingSubscribeResponse,
                body: SubscriptionBody(subscriptionId: subscriptionId)))
        connection.outbox.send(
            Self.agentStateFrame(subscriptionId, agent: session, availability: connection.availability))
    }

    /// Tells every agent-state subscription of `session`'s agent (on any of its sockets) its new availability.
    func notifyAgentState(of session: AgentSession, availability: String) {
        for connection in connections.values {
            guard let subscriptionId = connection.agentStateSubscription,
                case .agent(let owner) = connection.participant, owner.userPid == session.userPid
            else { continue }
            connection.outbox.send(Self.agentStateFrame(subscriptionId, agent: session, availability: availability))
        }
    }

    /// One `.ams.routing.AgentStateNotification`: `agent` is now `availability`.
    static func agentStateFrame(_ subscriptionId: String, agent: AgentSession, availability: String) -> String {
        FrameEncoder.notification(
            type: UMSType.agentStateNotification,
            body: AgentStateNotificationBody(
                subscriptionId: subscriptionId,
                changes: [AgentStateChange(result: AgentState(agentUserId: agent.legacyId, availability: availability))]
            ))
    }

    /// `.ams.routing.UpdateRoutingTaskSubscription`: changes the caller's routing subscription (the sandbox has one
    /// queue, so only the subscription id is checked).
    func updateRoutingTaskSubscription(_ connectionID: ConnectionID, subscriptionId: String?, reply: Reply)
        throws(UMSFailure)
    {
        let (connection, _) = try agentConnection(connectionID)
        guard let current = connection.routingSubscription else {
            throw .badRequest("No routing task subscription: send SubscribeRoutingTasks first")
        }
        if let subscriptionId, subscriptionId != current {
            throw .notFound("Subscription \(subscriptionId) not found")
        }
        reply.send(FrameEncoder.stringResponse(reqId: reply.reqId, "OK Routing task subscription updated"))
    }

    /// `.ams.cm.AgentRequestConversation`: the agent opens a conversation with a consumer (by LivePerson's internal
    /// consumer id) and is its assigned agent.
    func agentRequestConversation(
        _ connectionID: ConnectionID, consumerId: String, skillId: String?, reply: Reply
    ) throws(UMSFailure) {
        let (connection, session) = try agentConnection(connectionID)
        let conversation = try openConversation(
            account: connection.account, consumerId: consumerId, skillId: skillId,
            agent: ParticipantRef(id: session.userPid, role: "ASSIGNED_AGENT"))
        reply.send(
            FrameEncoder.response(
                reqId: reply.reqId, type: UMSType.agentRequestConversationResponse,
                body: RequestConversationBody(conversationId: conversation.id)))
        announce(conversation)
    }
}
