import LivePersonAPI

extension InMemorySandboxStore {
    static let eventTypes: Set<String> = ["ContentEvent", "ChatStateEvent", "AcceptStatusEvent", "RichContentEvent"]

    func publishEvent(
        _ connectionID: ConnectionID, dialogId: String, event: WireJSON, metadata: WireJSON?, reply: Reply
    ) throws(UMSFailure) {
        let connection = try connection(connectionID)
        try checkPublish(connection, dialogId: dialogId, event: event)
        let sequence = try append(event, metadata: metadata, to: dialogId, from: connection.participant.reference)
        reply.send(FrameEncoder.publishEventResponse(reqId: reply.reqId, sequence: sequence ?? 0))
        deliverLast(of: dialogId)
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

    /// Whether `connection` may publish `event` to `dialogId`. A function of its own so that its copy of the
    /// conversation is gone before ``append(_:metadata:to:from:)`` grows the event list in place.
    private func checkPublish(_ connection: Connection, dialogId: String, event: WireJSON) throws(UMSFailure) {
        guard let conversation = conversations[dialogId] else { throw .notFound("Dialog \(dialogId) not found") }
        try authorize(connection, for: conversation)
        if case .agent(let session) = connection.participant, conversation.agent?.id != session.userPid {
            throw .forbidden("Agent is not a participant of conversation \(dialogId)")
        }
        try Self.validate(event)
        try checkHostedFile(event, account: conversation.account)
        guard conversation.state == "OPEN" else { throw .badRequest("Conversation \(dialogId) is closed") }
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
            let statuses: Set<String> = ["ACCEPT", "READ", "ACCESS", "NACK", "ACTION"]
            guard let status = event["status"]?.stringValue, statuses.contains(status) else {
                throw .badRequest("event.status must be one of ACCEPT|READ|ACCESS|NACK|ACTION")
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
    func append(_ event: WireJSON, metadata: WireJSON?, to dialogId: String, from originator: ParticipantRef)
        throws(UMSFailure) -> Int?
    {
        let isChatState = event["type"]?.stringValue == "ChatStateEvent"
        let sequence = conversations[dialogId]?.appendEvent(
            event, metadata: metadata, from: originator,
            serverTimestamp: isChatState ? nil : Self.now(), sequenced: !isChatState)
        if let sequence, let persistence, let change = conversations[dialogId]?.events.last {
            do {
                try persistence.saveEvent(change, conversationId: dialogId)
            } catch {
                conversations[dialogId]?.events.removeLast()
                conversations[dialogId]?.nextSequence = sequence
                throw .storageFailed(error.description)
            }
        }
        return sequence
    }

    /// Sends the dialog's newest event to its subscribers; the assigned agent's brand sockets that did not subscribe
    /// get it as `ms.OnlineEventDistribution` (spec §4.7). Chat states are dropped from the backlog after delivery.
    func deliverLast(of dialogId: String) {
        guard let change = conversations[dialogId]?.events.last else { return }
        if change.sequence == nil {
            conversations[dialogId]?.events.removeLast()
        }
        guard let conversation = conversations[dialogId] else { return }
        let subscribers = dialogSubscribers[dialogId] ?? []
        if !subscribers.isEmpty {
            let notification = FrameEncoder.notification(
                type: UMSType.messagingEventNotification, body: MessagingEventNotificationBody(changes: [change]))
            for id in subscribers {
                guard let connection = connections[id], connection.account == conversation.account else { continue }
                connection.outbox.send(notification)
            }
        }
        guard let agentId = conversation.agent?.id else { return }
        var distribution: String?
        for id in agentConnections where !subscribers.contains(id) {
            guard let connection = connections[id], connection.account == conversation.account,
                case .agent(let session) = connection.participant, session.userPid == agentId
            else { continue }
            if distribution == nil {
                distribution = FrameEncoder.notification(
                    type: UMSType.onlineEventDistribution, body: OnlineEventDistributionBody(change: change))
            }
            connection.outbox.send(distribution!)
        }
    }

    func subscribeMessagingEvents(_ connectionID: ConnectionID, dialogId: String, fromSeq: Int, reply: Reply)
        throws(UMSFailure)
    {
        var connection = try connection(connectionID)
        guard let conversation = conversations[dialogId] else { throw .notFound("Dialog \(dialogId) not found") }
        try authorize(connection, for: conversation)
        connection.dialogSubscriptions.insert(dialogId)
        connections[connectionID] = connection
        dialogSubscribers[dialogId, default: []].insert(connectionID)
        reply.send(FrameEncoder.response(reqId: reply.reqId, type: UMSType.genericSubscribeResponse))
        let backlog = conversation.events.filter { ($0.sequence ?? -1) >= fromSeq }
        connection.outbox.send(
            FrameEncoder.notification(
                type: UMSType.messagingEventNotification, body: MessagingEventNotificationBody(changes: backlog)))
    }
}

extension Conversation {
    /// Appends one event; returns its sequence, or `nil` when `sequenced` is false (chat states). The event names the
    /// conversation with its own `id` (the dialog id: one dialog per conversation), so that the stored events share
    /// one string instead of keeping a copy each of the request's.
    mutating func appendEvent(
        _ event: WireJSON, metadata: WireJSON?, from originator: ParticipantRef,
        serverTimestamp: Int64?, sequenced: Bool
    ) -> Int? {
        let sequence: Int? = sequenced ? nextSequence : nil
        events.append(
            MessagingEventChange(
                sequence: sequence, originator: originator, serverTimestamp: serverTimestamp, event: event,
                conversationId: id, dialogId: id, metadata: metadata))
        if let sequence {
            nextSequence = sequence + 1
        }
        return sequence
    }
}
