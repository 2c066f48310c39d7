import LivePersonAPI
import ShellBuiltins

/// The slash commands LivePerson's messaging adds to wscat: the tutorials' requests with automatic ids
/// (`/request-conversation`, `/publish TEXT`, `/subscribe`, `/close-conversation`, `/accept`, `/read`) and `/ids`.
enum MessagingCommands {
    /// Runs `name` (with its `/`); nil when it is not one of LivePerson's commands.
    static func run(_ name: String, argument: String, conversation: inout MessagingConversation)
        -> SlashCommands.Action?
    {
        switch name {
        case "/request-conversation":
            return .send(request(conversation.nextID(), UMSType.requestConversation, body: nil))
        case "/publish":
            guard !argument.isEmpty else { return .error("/publish needs the message text: /publish hello") }
            guard let id = conversation.conversationID else { return noConversation }
            let event = FrameJSON.object([
                .init(key: "type", value: .string("ContentEvent")),
                .init(key: "contentType", value: .string("text/plain")),
                .init(key: "message", value: .string(argument)),
            ])
            return .send(publish(conversation.nextID(), dialog: id, event: event))
        case "/subscribe":
            guard let id = conversation.conversationID else { return noConversation }
            let body = FrameJSON.object([
                .init(key: "fromSeq", value: .number("0")), .init(key: "dialogId", value: .string(id)),
            ])
            return .send(request(conversation.nextID(), UMSType.subscribeMessagingEvents, body: body))
        case "/close-conversation":
            guard let id = conversation.conversationID else { return noConversation }
            let field = FrameJSON.object([
                .init(key: "field", value: .string("ConversationStateField")),
                .init(key: "conversationState", value: .string("CLOSE")),
            ])
            let body = FrameJSON.object([
                .init(key: "conversationId", value: .string(id)), .init(key: "conversationField", value: field),
            ])
            return .send(request(conversation.nextID(), UMSType.updateConversationField, body: body))
        case "/accept", "/read":
            guard let id = conversation.conversationID else { return noConversation }
            let status = name == "/accept" ? "ACCEPT" : "READ"
            let sequences = name == "/accept" ? conversation.unaccepted : conversation.unread
            guard !sequences.isEmpty else { return .error("no agent message to \(name.dropFirst()) yet") }
            conversation.acknowledged(status)
            let event = FrameJSON.object([
                .init(key: "type", value: .string("AcceptStatusEvent")),
                .init(key: "status", value: .string(status)),
                .init(key: "sequenceList", value: .array(sequences.map { .number(String($0)) })),
            ])
            return .send(publish(conversation.nextID(), dialog: id, event: event))
        case "/ids":
            var lines = ["conversation: \(conversation.conversationID ?? "none yet (/request-conversation)")"]
            let waiting = conversation.waiting
            lines.append(
                waiting.isEmpty
                    ? "no request is waiting for a response"
                    : "waiting: " + waiting.map { "\($0.id) \($0.type)" }.joined(separator: ", "))
            return .show(lines.joined(separator: "\n"))
        default:
            return nil
        }
    }

    private static let noConversation = SlashCommands.Action.error("no conversation yet: /request-conversation first")

    private static func request(_ id: String, _ type: String, body: FrameJSON?) -> String {
        var members: [FrameJSON.Member] = [
            .init(key: "kind", value: .string("req")), .init(key: "id", value: .string(id)),
            .init(key: "type", value: .string(type)),
        ]
        if let body { members.append(.init(key: "body", value: body)) }
        return FrameJSONPrinter.compact(.object(members))
    }

    private static func publish(_ id: String, dialog: String, event: FrameJSON) -> String {
        let body = FrameJSON.object([.init(key: "dialogId", value: .string(dialog)), .init(key: "event", value: event)])
        return request(id, UMSType.publishEvent, body: body)
    }
}
