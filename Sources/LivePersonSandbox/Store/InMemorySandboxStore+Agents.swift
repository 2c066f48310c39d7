import LivePersonAPI

extension InMemorySandboxStore {
    static let availabilities: Set<String> = ["ONLINE", "AWAY", "BACK_SOON", "OFFLINE", "OCCUPIED"]

    func setAgentState(_ connectionID: ConnectionID, availability: String, reply: Reply) throws(UMSFailure) {
        var (connection, session) = try agentConnection(connectionID)
        guard Self.availabilities.contains(availability) else {
            throw .badRequest("availability must be one of ONLINE|AWAY|BACK_SOON|OFFLINE|OCCUPIED")
        }
        connection.availability = availability
        connections[connectionID] = connection
        reply.send(FrameEncoder.stringResponse(reqId: reply.reqId, code: 202, "Agent state updated successfully"))
        notifyAgentState(of: session, availability: availability)
    }

    func subscribeRoutingTasks(_ connectionID: ConnectionID, reply: Reply) throws(UMSFailure) {
        var (connection, _) = try agentConnection(connectionID)
        let subscriptionId = connection.routingSubscription ?? StableID.randomUUID()
        connection.routingSubscription = subscriptionId
        connections[connectionID] = connection
        reply.send(
            FrameEncoder.response(
                reqId: reply.reqId, type: UMSType.routingSubscribeResponse,
                body: SubscriptionBody(subscriptionId: subscriptionId)))
        connection.outbox.send(
            FrameEncoder.notification(
                type: UMSType.routingTaskNotification,
                body: RoutingTaskNotificationBody(subscriptionId: subscriptionId, changes: [])))
        // Conversations still waiting for an agent (opened while no one was online and no bot took them) ring now.
        if connection.availability == "ONLINE" {
            for conversation in conversations.values
            where conversation.account == connection.account && conversation.state == "OPEN"
                && conversation.agent == nil && conversation.ringId == nil
            {
                route(conversation.id)
            }
        }
    }

    /// The brand sockets of `agent` that take routing tasks: where its rings go.
    func routingConnections(of agent: String) -> [Connection] {
        connections.values.filter {
            guard $0.routingSubscription != nil, case .agent(let session) = $0.participant else { return false }
            return session.userPid == agent
        }
    }

    /// Rings offered to `agent` go to another agent once `agent` has no socket left that takes routing tasks.
    func reofferRings(of agent: String) {
        guard routingConnections(of: agent).isEmpty else { return }
        for conversation in conversations.values
        where conversation.ringAgent == agent && conversation.agent == nil && conversation.state == "OPEN" {
            conversations[conversation.id]?.ringId = nil
            conversations[conversation.id]?.ringAgent = nil
            route(conversation.id)
        }
    }

    func updateRingState(_ connectionID: ConnectionID, ringId: String, state: String, reply: Reply)
        throws(UMSFailure)
    {
        let (_, session) = try agentConnection(connectionID)
        guard state == "ACCEPTED" || state == "REJECTED" else {
            throw .badRequest("ringState must be ACCEPTED or REJECTED")
        }
        guard let conversation = conversations.values.first(where: { $0.ringId == ringId }) else {
            throw .notFound("Ring \(ringId) not found")
        }
        guard conversation.agent == nil, conversation.state == "OPEN" else {
            throw .badRequest("Ring \(ringId) is no longer waiting")
        }
        guard conversation.ringAgent == nil || conversation.ringAgent == session.userPid else {
            throw .forbidden("Ring \(ringId) is offered to another agent")
        }
        reply.send(FrameEncoder.stringResponse(reqId: reply.reqId, code: 202, "Ring state updated successfully"))
        notifyRing(conversation, state: state, to: routingConnections(of: session.userPid))
        guard state == "ACCEPTED" else {
            ringRefusals[conversation.id, default: []].insert(session.userPid)
            conversations[conversation.id]?.ringId = nil
            route(conversation.id)
            return
        }
        conversations[conversation.id]?.suggestedAgent = nil
        ringRefusals[conversation.id] = nil
        lastAssignment[session.userPid] = Self.now()
        assign(conversation.id, agent: ParticipantRef(id: session.userPid, role: "ASSIGNED_AGENT"), isBot: false)
    }
}
