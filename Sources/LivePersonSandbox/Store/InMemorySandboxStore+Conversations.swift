import LivePersonAPI

extension InMemorySandboxStore {
    func requestConversation(_ connectionID: ConnectionID, skillId: String?, reply: Reply) throws(UMSFailure) {
        let connection = try connection(connectionID)
        guard case .consumer(let consumerId) = connection.participant else {
            throw .forbidden("Only consumers can request a conversation")
        }
        let conversation = try openConversation(
            account: connection.account, consumerId: consumerId, skillId: skillId, agent: nil)
        reply.send(
            FrameEncoder.response(
                reqId: reply.reqId, type: UMSType.requestConversationResponse,
                body: RequestConversationBody(conversationId: conversation.id)))
        announce(conversation)
        route(conversation.id)
    }

    /// Creates and stores a new conversation of `consumerId` (refused while one is open), with `agent` assigned if
    /// given; the caller answers and announces it.
    func openConversation(account: String, consumerId: String, skillId: String?, agent: ParticipantRef?)
        throws(UMSFailure) -> Conversation
    {
        let key = Self.consumerKey(account: account, consumerId: consumerId)
        if let existing = openConversation[key] {
            throw .badRequest("Consumer already has an open conversation: \(existing)")
        }
        let now = Self.now()
        var conversation = Conversation(
            id: StableID.randomUUID(), account: account, consumerId: consumerId, startTs: now, lastUpdate: now)
        if let skillId, !skillId.isEmpty { conversation.skillId = skillId }
        conversation.agent = agent
        try save(conversation)
        openConversation[key] = conversation.id
        return conversation
    }

    /// Offers the conversation to one agent, as LivePerson's routing does: among the account's agents whose brand
    /// socket subscribed to routing tasks and is `ONLINE` (for a transfer to a suggested agent: that agent, `ONLINE`
    /// or `OCCUPIED`), and who have not rejected it, the one with the fewest open conversations, then the one whose
    /// last assignment is oldest. All of that agent's subscribed sockets ring. With no agent left the bot takes it,
    /// when there is one; otherwise it waits for an agent to come online.
    func route(_ conversationId: String) {
        guard var conversation = conversations[conversationId] else { return }
        let suggested = conversation.suggestedAgent
        let refused = ringRefusals[conversationId] ?? []
        var sockets: [String: [Connection]] = [:]
        for connection in connections.values {
            guard connection.account == conversation.account, connection.routingSubscription != nil,
                case .agent(let session) = connection.participant, !refused.contains(session.userPid)
            else { continue }
            let available =
                if let suggested {
                    session.userPid == suggested && connection.availability != "AWAY"
                } else {
                    connection.availability == "ONLINE"
                }
            if available { sockets[session.userPid, default: []].append(connection) }
        }
        guard let chosen = sockets.keys.min(by: { routingOrder($0) < routingOrder($1) }) else {
            conversations[conversationId]?.ringId = nil
            guard bot.enabled else { return }
            enqueueBot(.accept, in: conversationId)
            return
        }
        let ringId = "\(conversation.id)_\(conversation.account)_\(Self.now())"
        conversation.ringId = ringId
        conversation.ringAgent = chosen
        try? save(conversation)
        notifyRing(conversation, state: "WAITING", to: sockets[chosen] ?? [])
    }

    /// How an agent ranks for the next ring: fewer open conversations first, then the oldest last assignment.
    func routingOrder(_ agent: String) -> (Int, Int64, String) {
        let open = conversations.values.count { $0.state == "OPEN" && $0.agent?.id == agent }
        return (open, lastAssignment[agent] ?? 0, agent)
    }

    func notifyRing(_ conversation: Conversation, state: String, to agents: [Connection]) {
        for agent in agents {
            guard let subscriptionId = agent.routingSubscription, let ringId = conversation.ringId else { continue }
            let ring = RingDetails(
                ringId: ringId, ringExpiration: 72000, ringState: state, convId: conversation.id,
                consumerId: conversation.consumerId, skillId: conversation.skillId)
            let task = RoutingTask(
                routingTaskId: ringId, conversationId: conversation.id, consumerId: conversation.consumerId,
                skillId: conversation.skillId, taskCompleted: state != "WAITING", ringsDetails: [ring])
            agent.outbox.send(
                FrameEncoder.notification(
                    type: UMSType.routingTaskNotification,
                    body: RoutingTaskNotificationBody(
                        subscriptionId: subscriptionId, changes: [RoutingTaskChange(type: "UPSERT", result: task)])))
        }
    }

    /// Assigns `agent` to an open conversation and tells every subscriber.
    func assign(_ conversationId: String, agent: ParticipantRef, isBot: Bool) {
        guard var conversation = conversations[conversationId], conversation.state == "OPEN",
            conversation.agent == nil
        else { return }
        conversation.agent = agent
        conversation.agentIsBot = isBot
        conversation.lastUpdate = Self.now()
        try? save(conversation)
        announce(conversation)
    }

    func updateConversationField(
        _ connectionID: ConnectionID, conversationId: String, fields: [WireJSON], reply: Reply
    ) throws(UMSFailure) {
        let connection = try connection(connectionID)
        guard var conversation = conversations[conversationId] else {
            throw .notFound("Conversation \(conversationId) not found")
        }
        try authorize(connection, for: conversation)
        guard !fields.isEmpty else { throw .badRequest("conversationField is missing") }
        var message = "OK Conversation updated successfully"
        let isConsumer = if case .consumer = connection.participant { true } else { false }
        for field in fields {
            switch field["field"]?.stringValue {
            case let name? where name == "ConversationStateField" || name == "Stage":
                guard field["conversationState"]?.stringValue == "CLOSE" else {
                    throw .badRequest("conversationState must be CLOSE")
                }
                // Closing the conversation closes every dialog and opens no survey (node-agent-sdk README, "Close a
                // conversation"); closing the MAIN dialog with DialogChange is what starts one (the PCS pages).
                closeStage(&conversation, by: isConsumer ? "CONSUMER" : "AGENT")
                message = "OK Conversation resolved successfully"
            case "DialogChange":
                message = try changeDialog(&conversation, field: field, by: connection)
            case "CSATRate":
                guard let rate = field["csatRate"]?.intValue, (1...5).contains(rate),
                    case .bool(let confirmation)? = field["csatResolutionConfirmation"],
                    let status = field["status"]?.stringValue,
                    ["FILLED", "PARTIALLY_FILLED", "SKIPPED"].contains(status)
                else {
                    throw .badRequest(
                        "CSATRate needs csatRate 1..5, csatResolutionConfirmation and status FILLED|PARTIALLY_FILLED|SKIPPED"
                    )
                }
                conversation.csat = CSAT(csatRate: rate, csatResolutionConfirmation: confirmation, status: status)
                message = "OK CSAT updated successfully"
            case "TTRField":
                guard let type = field["ttrType"]?.stringValue,
                    ["CUSTOM", "NORMAL", "PRIORITIZED", "URGENT"].contains(type)
                else { throw .badRequest("TTRField needs ttrType CUSTOM|NORMAL|PRIORITIZED|URGENT") }
                conversation.ttr = TTR(ttrType: type, value: field["value"]?.intValue ?? conversation.ttr.value)
            case "ParticipantsChange":
                guard case .agent(let session) = connection.participant else {
                    throw .forbidden("Consumers cannot change participants")
                }
                if let dialogId = field["dialogId"]?.stringValue, dialogId != conversation.id {
                    try changeDialogParticipants(&conversation, dialogId: dialogId, field: field, session: session)
                } else {
                    message = try changeParticipants(of: &conversation, field, requestedBy: session)
                }
            case "Skill":
                guard let skill = field["skill"]?.stringValue ?? field["skill"]?.intValue.map(String.init),
                    !skill.isEmpty
                else { throw .badRequest("Skill needs skill (the target skill id)") }
                guard !isConsumer else { throw .forbidden("Consumers cannot change the skill") }
                conversation.skillId = skill
                conversation.ringId = nil
            case let name?:
                throw .badRequest("Unsupported conversationField '\(name)'")
            case nil:
                throw .badRequest("conversationField.field is missing")
            }
        }
        conversation.lastUpdate = Self.now()
        try save(conversation)
        if conversation.state != "OPEN" {
            openConversation[Self.consumerKey(account: conversation.account, consumerId: conversation.consumerId)] = nil
        }
        reply.send(FrameEncoder.stringResponse(reqId: reply.reqId, message))
        announce(conversation)
        surveyOpened(conversation)
        // A transfer (assigned agent removed, skill or agent suggested) puts the conversation back in the queue.
        if conversation.state == "OPEN", conversation.agent == nil,
            fields.contains(where: { ["Skill", "ParticipantsChange"].contains($0["field"]?.stringValue) })
        {
            route(conversation.id)
        }
    }

    func authorize(_ connection: Connection, for conversation: Conversation) throws(UMSFailure) {
        guard connection.account == conversation.account else {
            throw .notFound("Conversation \(conversation.id) not found")
        }
        switch connection.participant {
        case .consumer(let id):
            guard id == conversation.consumerId else {
                throw .forbidden("Conversation \(conversation.id) belongs to another consumer")
            }
        case .agent:
            break
        }
    }

    /// Old-style id (`account.userId`) of an agent's participant id; consumers and unknown ids stay as they are.
    func legacyId(of participantId: String, account: String) -> String {
        if participantId == BotAgent.participant.id { return account + "." + BotAgent.userId }
        return legacyAgentIds[participantId] ?? participantId
    }

    /// The participant id of an agent named either way (`account.userId` or participant id).
    func participantId(ofAgent id: String) -> String? {
        if legacyAgentIds[id] != nil || id == BotAgent.participant.id { return id }
        if id.hasSuffix("." + BotAgent.userId) { return BotAgent.participant.id }
        return legacyAgentIds.first { $0.value == id }?.key
    }

    // MARK: ExConversation subscriptions

    func subscribeExConversations(_ connectionID: ConnectionID, filter: ExConversationFilter, reply: Reply) {
        guard var connection = connections[connectionID] else { return }
        let subscriptionId = StableID.randomUUID()
        var matched: [(type: String, conversation: Conversation)] = []
        for conversation in conversations.values.sorted(by: { $0.startTs < $1.startTs })
        where visible(conversation, to: connection) && admits(filter, conversation, lastUpdate: conversation.lastUpdate)
        {
            matched.append(("UPSERT", conversation))
        }
        connection.exSubscriptions[subscriptionId] = filter
        connection.exAnnounced[subscriptionId] = Set(matched.map(\.conversation.id))
        connections[connectionID] = connection
        reply.send(
            FrameEncoder.response(
                reqId: reply.reqId, type: UMSType.subscribeExConversationsResponse,
                body: SubscriptionBody(subscriptionId: subscriptionId)))
        connection.outbox.send(exConversationFrame(subscriptionId, matched, style: connection.style))
    }

    /// One ExConversation notification of `subscriptionId` in the socket's style: the brand socket's shape
    /// (``BrandConversationView``, with its version's type name) or the consumer socket's.
    func exConversationFrame(
        _ subscriptionId: String, _ changes: [(type: String, conversation: Conversation)], style: SocketStyle
    ) -> String {
        if style.isBrand {
            return FrameEncoder.notification(
                type: style.exConversationNotificationType,
                body: WireJSON.object([
                    "subscriptionId": .string(subscriptionId),
                    "changes": .array(changes.map { brandChange($0.type, of: $0.conversation) }),
                ]))
        }
        return FrameEncoder.notification(
            type: UMSType.exConversationChangeNotification,
            body: ExConversationNotificationBody(
                subscriptionId: subscriptionId,
                changes: changes.map {
                    ExConversationChange(
                        type: $0.type,
                        result: .init(convId: $0.conversation.id, conversationDetails: $0.conversation.details))
                }))
    }

    /// Whether a subscription's filter takes `conversation` (its state, stage and participants), counting its last
    /// update as `lastUpdate` (0 once subscribed: `minLastUpdatedTime` only limits the initial list).
    func admits(_ filter: ExConversationFilter, _ conversation: Conversation, lastUpdate: Int64) -> Bool {
        filter.matches(state: conversation.state, stage: conversation.stage, lastUpdate: lastUpdate)
            && filter.matchesParticipants(of: conversation) { legacyId(of: $0, account: conversation.account) }
    }

    /// One ExConversation change in the brand socket's form (``BrandConversationView``).
    func brandChange(_ type: String, of conversation: Conversation) -> WireJSON {
        BrandConversationView.change(type: type, of: conversation) {
            legacyId(of: $0, account: conversation.account)
        }
    }

    func unsubscribeExConversations(_ connectionID: ConnectionID, subscriptionId: String, reply: Reply)
        throws(UMSFailure)
    {
        var connection = try connection(connectionID)
        guard connection.exSubscriptions.removeValue(forKey: subscriptionId) != nil else {
            throw .notFound("Subscription \(subscriptionId) not found")
        }
        connection.exAnnounced[subscriptionId] = nil
        connections[connectionID] = connection
        reply.send(FrameEncoder.stringResponse(reqId: reply.reqId, "OK Unsubscribed successfully"))
    }

    func visible(_ conversation: Conversation, to connection: Connection) -> Bool {
        guard connection.account == conversation.account else { return false }
        switch connection.participant {
        case .consumer(let id): return id == conversation.consumerId
        case .agent: return true
        }
    }

    /// Sends an UPSERT (or a DELETE, when the conversation no longer matches) to every ExConversation subscriber.
    func announce(_ conversation: Conversation) {
        for (id, var connection) in connections where !connection.exSubscriptions.isEmpty {
            guard visible(conversation, to: connection) else { continue }
            for (subscriptionId, filter) in connection.exSubscriptions {
                let matches = admits(filter, conversation, lastUpdate: 0)
                let wasAnnounced = connection.exAnnounced[subscriptionId, default: []].contains(conversation.id)
                let type: String
                if matches {
                    type = "UPSERT"
                    connection.exAnnounced[subscriptionId, default: []].insert(conversation.id)
                } else if wasAnnounced {
                    type = "DELETE"
                    connection.exAnnounced[subscriptionId]?.remove(conversation.id)
                } else {
                    continue
                }
                connection.outbox.send(
                    exConversationFrame(subscriptionId, [(type, conversation)], style: connection.style))
            }
            connections[id] = connection
        }
    }
}
