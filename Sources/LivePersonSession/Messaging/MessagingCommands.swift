import JSONQuery
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
            let event = object([
                ("type", .string("ContentEvent")),
                ("contentType", .string("text/plain")),
                ("message", .string(argument)),
            ])
            return .send(publish(conversation.nextID(), dialog: id, event: event))
        case "/subscribe":
            guard let id = conversation.conversationID else { return noConversation }
            let body = object([
                ("fromSeq", .number(0)), ("dialogId", .string(id)),
            ])
            return .send(request(conversation.nextID(), UMSType.subscribeMessagingEvents, body: body))
        case "/close-conversation":
            guard let id = conversation.conversationID else { return noConversation }
            let field = object([
                ("field", .string("ConversationStateField")),
                ("conversationState", .string("CLOSE")),
            ])
            let body = object([
                ("conversationId", .string(id)), ("conversationField", field),
            ])
            return .send(request(conversation.nextID(), UMSType.updateConversationField, body: body))
        case "/accept", "/read":
            guard let id = conversation.conversationID else { return noConversation }
            let status = name == "/accept" ? "ACCEPT" : "READ"
            let sequences = name == "/accept" ? conversation.unaccepted : conversation.unread
            guard !sequences.isEmpty else { return .error("no agent message to \(name.dropFirst()) yet") }
            conversation.acknowledged(status)
            let event = object([
                ("type", .string("AcceptStatusEvent")),
                ("status", .string(status)),
                ("sequenceList", .array(sequences.map { .number(Double($0)) })),
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

    /// An object with its members in the order given.
    private static func object(_ members: [JSONObject.Entry]) -> JSONValue { .object(JSONObject(members)) }

    private static let noConversation = SlashCommands.Action.error("no conversation yet: /request-conversation first")

    private static func request(_ id: String, _ type: String, body: JSONValue?) -> String {
        var members: [JSONObject.Entry] = [
            ("kind", .string("req")), ("id", .string(id)),
            ("type", .string(type)),
        ]
        if let body { members.append(("body", body)) }
        return FrameJSON.compact(.object(JSONObject(members)))
    }

    private static func publish(_ id: String, dialog: String, event: JSONValue) -> String {
        let body = object([("dialogId", .string(dialog)), ("event", event)])
        return request(id, UMSType.publishEvent, body: body)
    }
}
