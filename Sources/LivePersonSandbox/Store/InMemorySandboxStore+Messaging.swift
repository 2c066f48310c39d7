import LivePersonAPI

extension InMemorySandboxStore {
    static let eventTypes: Set<String> = ["ContentEvent", "ChatStateEvent", "AcceptStatusEvent", "RichContentEvent"]

    func publishEvent(
        _ connectionID: ConnectionID, dialogId: String, event: WireJSON, metadata: WireJSON?, audience: String?,
        reply: Reply
    ) throws(UMSFailure) {
        let connection = try connection(connectionID)
        var originator = try checkPublish(connection, dialogId: dialogId, event: event)
        if case .agent = connection.participant, let role = conversations[dialogId]?.role(of: originator.id) {
            originator.role = role
        }
        let sequence = try append(
            event, metadata: metadata, to: dialogId, from: originator,
            audience: try Self.checkAudience(audience, of: connection))
        reply.send(FrameEncoder.publishEventResponse(reqId: reply.reqId, sequence: sequence ?? 0))
        deliverLast(of: dialogId)
        if conversations.index(forKey: dialogId) == nil {  // not a MAIN dialog: the survey bot may answer
            if let sequence, case .consumer = connection.participant {
                surveyReceived(event, metadata: metadata, sequence: sequence, in: dialogId)
            }
            return
        }
        // The bot answers in conversations it holds, and in new ones it is about to take (a message sent right
        // after the conversation request, before the bot's accept delay has passed); `botAnswer` checks again.
        let botWillAnswer =
            conversations[dialogId]?.agentIsBot == true || (bot.enabled && conversations[dialogId]?.agent == nil)
        if let sequence, case .consumer = connection.participant, botWillAnswer,
            event["type"]?.stringValue == "ContentEvent", let text = event["message"]?.stringValue
        {
            enqueueBot(.answer(sequence: sequence, text: text), in: dialogId)
        }
    }

    /// Whether `connection` may publish `event` to `dialogId`, and as whom. A function of its own so that its copy of
    /// the conversation is gone before ``append(_:metadata:to:from:)`` grows the event list in place.
    private func checkPublish(_ connection: Connection, dialogId: String, event: WireJSON) throws(UMSFailure)
        -> ParticipantRef
    {
        guard let conversation = conversation(ofDialog: dialogId) else {
            throw .notFound("Dialog \(dialogId) not found")
        }
        try authorize(connection, for: conversation)
        if dialogId != conversation.id {
            return try checkSurveyPublish(connection, dialogId: dialogId, event: event, in: conversation)
        }
        if case .agent(let session) = connection.participant {
            guard let role = conversation.role(of: session.userPid) else {
                throw .forbidden("Agent is not a participant of conversation \(dialogId)")
            }
            guard role != "READER" else {
                throw .forbidden("Agent is a READER of conversation \(dialogId) and cannot publish")
            }
        }
        try Self.validate(event)
        try checkHostedFile(event, account: conversation.account)
        guard conversation.state == "OPEN" else { throw .badRequest("Conversation \(dialogId) is closed") }
        return connection.participant.reference
    }

    /// `messageAudience` of a publish: `ALL` (the default) or `AGENTS_AND_MANAGERS`, a private message that only
    /// agents may send and consumers never receive.
    static func checkAudience(_ audience: String?, of connection: Connection) throws(UMSFailure) -> String? {
        switch audience {
        case nil, "ALL": return nil
        case "AGENTS_AND_MANAGERS":
            guard case .agent = connection.participant else {
                throw .forbidden("Only agents can send a message with messageAudience AGENTS_AND_MANAGERS")
            }
            return audience
        case let other?:
            throw .badRequest("messageAudience '\(other)' is not one of ALL|AGENTS_AND_MANAGERS")
        }
    }

    static func validate(_ event: WireJSON) throws(UMSFailure) {
        guard case .object = event else { throw .badRequest("event is missing") }
        guard let type = event["type"]?.stringValue else { throw .badRequest("event.type is missing") }
        guard eventTypes.contains(type) else { throw .badRequest("Unsupported event type '\(type)'") }
        switch type {
        case "ContentEvent":
            guard event["message"] != nil else { throw .badRequest("event.message is missing") }
        case "ChatStateEvent":
            let states: Set<String> = ["ACTIVE", "INACTIVE", "GONE", "COMPOSING", "PAUSE"]
            guard let state = event["chatState"]?.stringValue, states.contains(state) else {
                throw .badRequest("event.chatState must be one of ACTIVE|INACTIVE|GONE|COMPOSING|PAUSE")
            }
        case "AcceptStatusEvent":
            // ENRICH: node-agent-sdk's survey bot example reports an invalid answer with it.
            let statuses: Set<String> = ["ACCEPT", "READ", "ACCESS", "NACK", "ACTION", "ENRICH"]
            guard let status = event["status"]?.stringValue, statuses.contains(status) else {
                throw .badRequest("event.status must be one of ACCEPT|READ|ACCESS|NACK|ACTION|ENRICH")
            }
            guard event["sequenceList"] != nil else { throw .badRequest("event.sequenceList is missing") }
        default:
            break
        }
    }

    /// Stores an event; content and receipts get the dialog's next sequence, chat states none (they are not kept).
    /// The event list grows in place (no copy of the conversation is held meanwhile), so a publish costs the same
    /// whatever the dialog's length. With `--data` a sequenced event is committed before this returns; when that
    /// fails the event is taken back and nothing is acknowledged.
    @discardableResult
    func append(
        _ event: WireJSON, metadata: WireJSON?, to dialogId: String, from originator: ParticipantRef,
        audience: String? = nil
    ) throws(UMSFailure) -> Int? {
        let isChatState = event["type"]?.stringValue == "ChatStateEvent"
        let owner = conversationId(ofDialog: dialogId)
        let sequence = conversations[owner]?.appendEvent(
            event, metadata: metadata, from: originator,
            serverTimestamp: isChatState ? nil : Self.now(), sequenced: !isChatState, dialogId: dialogId,
            audience: audience)
        if let sequence, let persistence, let change = conversations[owner]?.lastEvent(inDialog: dialogId) {
            do {
                try persistence.saveEvent(change, conversationId: dialogId)
            } catch {
                conversations[owner]?.removeLastEvent(inDialog: dialogId, nextSequence: sequence)
                throw .storageFailed(error.description)
            }
        }
        return sequence
    }

    /// Sends the dialog's newest event to its subscribers; the brand sockets of every agent taking part that did not
    /// subscribe get it as `ms.OnlineEventDistribution` (`.ams.ms.…` from v2.1 on; spec §4.7). Consumers never get
    /// an agent's private message. Chat states are dropped from the backlog after delivery.
    func deliverLast(of dialogId: String) {
        let owner = conversationId(ofDialog: dialogId)
        guard let last = conversations[owner]?.storedEvents(inDialog: dialogId).last else { return }
        if last.sequence == nil {
            conversations[owner]?.removeLastEvent(inDialog: dialogId)
        }
        guard let conversation = conversations[owner] else { return }
        let subscribers = dialogSubscribers[dialogId] ?? []
        let toAgents =
            conversation.agent != nil || conversation.otherAgents?.isEmpty == false || dialogId != conversation.id
        // Most publishes of a busy sandbox have no subscriber and no agent yet: that case reads nothing back.
        guard !subscribers.isEmpty || toAgents else { return }
        let change = last.change(conversationId: conversation.id, dialogId: dialogId)
        if !subscribers.isEmpty {
            let notification = FrameEncoder.notification(
                type: UMSType.messagingEventNotification, body: MessagingEventNotificationBody(changes: [change]))
            for id in subscribers {
                guard let connection = connections[id], connection.account == conversation.account else { continue }
                if case .consumer = connection.participant, !change.isVisibleToConsumers { continue }
                connection.outbox.send(notification)
            }
        }
        guard toAgents else { return }
        let agents =
            dialogId == conversation.id
            ? conversation.agentParticipants.map(\.id) : eventAgent(of: dialogId, in: conversation).map { [$0] } ?? []
        guard !agents.isEmpty else { return }
        var distribution: String?
        for id in agentConnections where !subscribers.contains(id) {
            guard let connection = connections[id], connection.account == conversation.account,
                case .agent(let session) = connection.participant,
                agents.contains(session.userPid)
            else { continue }
            if distribution == nil {
                distribution = FrameEncoder.encode(
                    OnlineEventDistributionBody(
                        change: change,
                        legacyOriginatorId: legacyId(of: change.originatorId, account: conversation.account)))
            }
            connection.outbox.send(
                #"{"kind":"notification","type":"# + FrameEncoder.quoted(connection.style.onlineEventDistributionType)
                    + #","body":"# + distribution! + "}")
        }
    }

    func subscribeMessagingEvents(_ connectionID: ConnectionID, dialogId: String, fromSeq: Int, reply: Reply)
        throws(UMSFailure)
    {
        var connection = try connection(connectionID)
        guard let conversation = conversation(ofDialog: dialogId) else {
            throw .notFound("Dialog \(dialogId) not found")
        }
        try authorize(connection, for: conversation)
        connection.dialogSubscriptions.insert(dialogId)
        connections[connectionID] = connection
        dialogSubscribers[dialogId, default: []].insert(connectionID)
        reply.send(FrameEncoder.response(reqId: reply.reqId, type: UMSType.genericSubscribeResponse))
        let forConsumer = if case .consumer = connection.participant { true } else { false }
        let backlog = conversation.events(inDialog: dialogId).filter {
            ($0.sequence ?? -1) >= fromSeq && (!forConsumer || $0.isVisibleToConsumers)
        }
        connection.outbox.send(
            FrameEncoder.notification(
                type: UMSType.messagingEventNotification, body: MessagingEventNotificationBody(changes: backlog)))
    }
}
