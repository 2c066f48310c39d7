import LivePersonAPI
import NIOCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SocketReader {
    /// Parses one text frame and answers it: a response, possibly followed by notifications.
    mutating func handle(_ text: String) {
        guard limiter.allow() else {
            let reqId = (try? JSONDecoder().decode(UMSRequest.self, from: Data(text.utf8)))?.id.description
            outbox.send(FrameEncoder.failure(reqId: reqId, .tooManyRequests))
            return
        }
        let request: UMSRequest
        if let parsed = RequestParser.request(text) {
            request = parsed
        } else {
            do {
                request = try JSONDecoder().decode(UMSRequest.self, from: Data(text.utf8))
            } catch {
                outbox.send(FrameEncoder.failure(reqId: nil, Self.describeUnreadable(text)))
                return
            }
        }
        let reply = Reply(reqId: request.id.description, outbox: replies)
        do {
            try respond(to: request, reply: reply)
        } catch {
            outbox.send(FrameEncoder.failure(reqId: reply.reqId, error))
        }
    }

    /// Why a frame is not a request: not JSON, not an object, or `id`/`type` missing.
    static func describeUnreadable(_ text: String) -> UMSFailure {
        guard let value = try? JSONDecoder().decode(WireJSON.self, from: Data(text.utf8)) else {
            return .badRequest("Bad JSON: the frame is not a JSON object")
        }
        guard case .object = value else { return .badRequest("Bad request: the frame is not a JSON object") }
        if value["id"] == nil { return .badRequest("Bad request: id is missing") }
        if value["type"] == nil { return .badRequest("Bad request: type is missing") }
        return .badRequest("Bad request: id must be a string or a number and type a string")
    }

    /// Answers a request: `InitConnection` and `GetClock` here, every other type in the store, under its lock.
    mutating func respond(to request: UMSRequest, reply: Reply) throws(UMSFailure) {
        let type = UMSType.canonical(request.type)
        switch type {
        case UMSType.initConnection:
            try initConnection(request, reply: reply)
            return
        case UMSType.getClock:
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            reply.send(
                FrameEncoder.response(
                    reqId: reply.reqId, type: UMSType.getClockResponse, body: ClockBody(currentTime: now)))
            return
        default:
            break
        }
        guard let connection, participant != nil else {
            throw .unauthorized("Not authorized: send InitConnection with a ConsumerAuthentication header first")
        }
        let outcome = store.withState { store in
            Result { () throws(UMSFailure) in
                try Self.dispatch(type, request, connection: connection, reply: reply, store: store)
            }
        }
        try outcome.get()
    }

    /// Runs a request of a registered socket in the store.
    static func dispatch(
        _ type: String, _ request: UMSRequest, connection: ConnectionID, reply: Reply,
        store: isolated InMemorySandboxStore
    ) throws(UMSFailure) {
        let body = request.body ?? .object([:])
        switch type {
        case UMSType.requestConversation:
            try store.requestConversation(connection, skillId: body["skillId"]?.stringValue, reply: reply)
        case UMSType.publishEvent:
            let dialogId = try Self.string(body, "dialogId")
            guard let event = body["event"] else { throw .badRequest("event is missing") }
            try store.publishEvent(
                connection, dialogId: dialogId, event: event, metadata: request.metadata,
                audience: body["messageAudience"]?.stringValue, reply: reply)
        case UMSType.subscribeMessagingEvents:
            let dialogId = try Self.string(body, "dialogId")
            let fromSeq = body["fromSeq"]?.intValue ?? 0
            try store.subscribeMessagingEvents(connection, dialogId: dialogId, fromSeq: fromSeq, reply: reply)
        case UMSType.subscribeExConversations:
            let filter = ExConversationFilter(
                states: Set((body["convState"]?.elements ?? []).compactMap(\.stringValue)),
                stages: Set((body["stage"]?.elements ?? []).compactMap(\.stringValue)),
                minLastUpdatedTime: Int64(body["minLastUpdatedTime"]?.intValue ?? 0),
                agentIds: Set((body["agentIds"]?.elements ?? []).compactMap(\.stringValue)),
                consumerId: body["consumerId"]?.stringValue, brandId: body["brandId"]?.stringValue)
            store.subscribeExConversations(connection, filter: filter, reply: reply)
        case UMSType.unsubscribeExConversations:
            let subscriptionId = try Self.string(body, "subscriptionId")
            try store.unsubscribeExConversations(connection, subscriptionId: subscriptionId, reply: reply)
        case UMSType.updateConversationField:
            let conversationId = try Self.string(body, "conversationId")
            guard let fields = body["conversationField"]?.elements, !fields.isEmpty else {
                throw .badRequest("conversationField is missing")
            }
            try store.updateConversationField(
                connection, conversationId: conversationId, fields: fields, reply: reply)
        case UMSType.setUserProfile:
            try store.setUserProfile(connection, profile: body, reply: reply)
        case UMSType.getUserProfile:
            // The id comes as `{"userId": …}` (the agent tutorial) or as the whole body (node-agent-sdk).
            let requested = body.stringValue ?? body["userId"]?.stringValue
            try store.userProfile(connection, of: requested.flatMap { $0.isEmpty ? nil : $0 }, reply: reply)
        case UMSType.queryMessages:
            let dialogId = try Self.string(body, "dialogId")
            try store.queryMessages(
                connection, dialogId: dialogId,
                newerThan: body["newerThanSequence"]?.intValue ?? body["fromSeq"]?.intValue ?? 0,
                olderThan: body["olderThanSequence"]?.intValue, maxQuantity: body["maxQuantity"]?.intValue ?? 100,
                reply: reply)
        case UMSType.subscribeAgentsState:
            try store.subscribeAgentsState(connection, reply: reply)
        case UMSType.updateRoutingTaskSubscription:
            try store.updateRoutingTaskSubscription(
                connection, subscriptionId: body["subscriptionId"]?.stringValue, reply: reply)
        case UMSType.agentRequestConversation:
            let consumerId = try Self.string(body, "consumerId")
            try store.agentRequestConversation(
                connection, consumerId: consumerId, skillId: body["skillId"]?.stringValue, reply: reply)
        case UMSType.setAgentState:
            let availability = try Self.string(body, "availability")
            try store.setAgentState(connection, availability: availability, reply: reply)
        case UMSType.subscribeRoutingTasks:
            try store.subscribeRoutingTasks(connection, reply: reply)
        case UMSType.updateRingState:
            let ringId = try Self.string(body, "ringId")
            let state = try Self.string(body, "ringState")
            try store.updateRingState(connection, ringId: ringId, state: state, reply: reply)
        case UMSType.generateURLForUploadFile:
            try store.generateUploadURL(connection, body: body, reply: reply)
        case UMSType.generateURLForDownloadFile:
            let relativePath = try Self.string(body, "relativePath")
            try store.generateDownloadURL(connection, relativePath: relativePath, reply: reply)
        case UMSType.generateDownloadToken:
            try store.generateDownloadToken(connection, body: body, reply: reply)
        default:
            throw .badRequest("Unknown request type '\(request.type)'")
        }
    }

    mutating func initConnection(_ request: UMSRequest, reply: Reply) throws(UMSFailure) {
        guard connection == nil else { throw .badRequest("Connection is already initialized") }
        let headers = request.headers ?? request.body?["headers"]?.elements ?? []
        guard
            let token = headers.first(where: { $0["type"]?.stringValue?.hasSuffix("ConsumerAuthentication") == true })?[
                "jwt"]?.stringValue
        else {
            throw .badRequest("headers must include a .ams.headers.ConsumerAuthentication with a jwt")
        }
        for timer in timers { timer.cancel() }
        timers.removeAll()
        guard authenticate(token: token) else {
            refuse()
            return
        }
        reply.send(FrameEncoder.stringResponse(reqId: reply.reqId, "OK Connection initialized"))
    }

    static func string(_ body: WireJSON, _ field: String) throws(UMSFailure) -> String {
        guard let value = body[field] else { throw .badRequest("\(field) is missing") }
        guard let text = value.stringValue, !text.isEmpty else {
            throw .badRequest("\(field) must be a non-empty string")
        }
        return text
    }
}
