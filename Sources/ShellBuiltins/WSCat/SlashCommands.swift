/// The `/…` commands of wscat's socket mode: LivePerson requests with automatic ids, and wscat's own
/// `/ping`, `/pong`, `/close [code [reason]]`.
enum SlashCommands {
    /// What a command asks for.
    enum Action: Equatable {
        /// Send this frame (JSON text).
        case send(String)
        case ping
        case pong
        case close(code: Int, reason: String?)
        /// Show this text (help, ids); nothing is sent.
        case show(String)
        /// Keep receiving frames for this many seconds (a transcript waiting for the agent's reply).
        case wait(Double)
        /// Keep receiving frames until one contains this text (at most `SlashCommands.waitForLimit` seconds).
        case waitFor(String)
        /// A mistake: the message.
        case error(String)
    }

    /// Every command, for tab completion and help.
    static let all: [(name: String, summary: String)] = [
        ("/request-conversation", "cm.ConsumerRequestConversation (the new id goes into $LP_CONV_ID)"),
        ("/publish", "/publish TEXT: ms.PublishEvent with a text/plain ContentEvent"),
        ("/subscribe", "ms.SubscribeMessagingEvents from sequence 0 of the conversation"),
        ("/close-conversation", "cm.UpdateConversationField ConversationStateField CLOSE"),
        ("/accept", "AcceptStatusEvent ACCEPT for the agent messages received"),
        ("/read", "AcceptStatusEvent READ for the agent messages received"),
        ("/ids", "the conversation id and the requests waiting for a response"),
        ("/ping", "send a WebSocket ping"),
        ("/pong", "send a WebSocket pong"),
        ("/wait", "/wait SECONDS: keep receiving frames for SECONDS (e.g. until the agent answers)"),
        ("/wait-for", "/wait-for TEXT: keep receiving frames until one contains TEXT (at most 30 s)"),
        ("/close", "/close [CODE [REASON]]: close the socket (default 1000) and return to the shell"),
        ("/help", "this list"),
    ]

    /// The request types the frames of the tutorials use, for completion inside a frame.
    static let frameTypes = [
        "cm.ConsumerRequestConversation", "ms.PublishEvent", "ms.SubscribeMessagingEvents",
        "cm.UpdateConversationField", "cqm.SubscribeExConversations", "cqm.UnsubscribeExConversations",
        "InitConnection", "GetClock", "ms.GenerateURLForUploadFile", "ms.GenerateURLForDownloadFile",
        "userprofile.SetUserProfile", "ContentEvent", "AcceptStatusEvent", "ChatStateEvent",
    ]

    /// True when the line is a command rather than a frame.
    static func isCommand(_ line: String) -> Bool {
        // A line starting with anything but `/` or a space (a frame) is no command: decided on its first byte.
        if let first = line.utf8.first, first != UInt8(ascii: "/"), first != 0x20, first != 0x09, first != 0x0D,
            first != 0x0A
        {
            return false
        }
        let trimmed = line.trimmingWhitespace
        return trimmed.hasPrefix("/") && trimmed.count > 1 && trimmed.dropFirst().first?.isLetter == true
    }

    /// Runs one command line.
    static func run(_ line: String, conversation: inout WSCatConversation) -> Action {
        let trimmed = line.trimmingWhitespace
        let name = String(trimmed.prefix { $0 != " " && $0 != "\t" })
        let argument = String(trimmed.dropFirst(name.count)).trimmingWhitespace
        switch name {
        case "/request-conversation":
            return .send(request(conversation.nextID(), "cm.ConsumerRequestConversation", body: nil))
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
            return .send(request(conversation.nextID(), "ms.SubscribeMessagingEvents", body: body))
        case "/close-conversation":
            guard let id = conversation.conversationID else { return noConversation }
            let field = FrameJSON.object([
                .init(key: "field", value: .string("ConversationStateField")),
                .init(key: "conversationState", value: .string("CLOSE")),
            ])
            let body = FrameJSON.object([
                .init(key: "conversationId", value: .string(id)), .init(key: "conversationField", value: field),
            ])
            return .send(request(conversation.nextID(), "cm.UpdateConversationField", body: body))
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
        case "/wait":
            guard let seconds = Double(argument), seconds >= 0, seconds <= 600 else {
                return .error("/wait needs a number of seconds (0–600), got '\(argument)'")
            }
            return .wait(seconds)
        case "/wait-for":
            guard !argument.isEmpty else { return .error("/wait-for needs the text to wait for: /wait-for echo:") }
            return .waitFor(argument)
        case "/ping": return .ping
        case "/pong": return .pong
        case "/close":
            let parts = argument.split(separator: " ", maxSplits: 1)
            guard let first = parts.first else { return .close(code: 1000, reason: nil) }
            guard let code = Int(first), code == 1000 || (3000...4999).contains(code) else {
                return .error("/close: the code must be 1000 or 3000–4999, got '\(first)'")
            }
            return .close(code: code, reason: parts.count > 1 ? String(parts[1]) : nil)
        case "/help":
            return .show(all.map { $0.name.padding(21) + " " + $0.summary }.joined(separator: "\n"))
        default:
            return .error("unknown command \(name) (/help lists them)")
        }
    }

    /// How long `/wait-for` waits before giving up, in seconds.
    static let waitForLimit = 30.0

    private static let noConversation = Action.error("no conversation yet: /request-conversation first")

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
        return request(id, "ms.PublishEvent", body: body)
    }

    /// Completions for the word being typed: command names after a leading `/`, request types inside a frame.
    static func completions(word: String, before: String) -> [String] {
        if before.trimmingWhitespace.isEmpty && word.hasPrefix("/") {
            return all.map(\.name).filter { $0.hasPrefix(word) }
        }
        let bare = word.hasPrefix("\"") ? String(word.dropFirst()) : word
        let matches = frameTypes.filter { $0.hasPrefix(bare) }
        return word.hasPrefix("\"") ? matches.map { "\"" + $0 + "\"" } : matches
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
