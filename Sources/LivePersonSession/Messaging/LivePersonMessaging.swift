import JSONQuery
import LivePersonAPI
import ShellBuiltins
import ShellRuntime

/// LivePerson's messaging protocol as `wscat` speaks it in lp-shell: requests matched to responses by `reqId`,
/// the conversation id captured into `$LP_CONV_ID` and put where the tutorials' frames say
/// `__YOUR_CONVERSATION_ID__`, slash commands for the tutorials' requests, and what the socket's close codes mean
/// for the tokens.
package struct LivePersonMessaging: WSCatDialect {
    /// The shell variable that holds the conversation id, read at start and set when wscat returns.
    static let conversationVariable = "LP_CONV_ID"

    var conversation: MessagingConversation

    package init(variable: (String) -> String?) {
        conversation = MessagingConversation(capture: SessionCapture(variable: variable))
    }

    package static func mentionsPlaceholder(_ text: String) -> Bool { PlaceholderFilling.mayMention(text) }

    package static let commands: [(name: String, summary: String)] = [
        ("/request-conversation", "\(UMSType.requestConversation) (the new id goes into $\(conversationVariable))"),
        ("/publish", "/publish TEXT: \(UMSType.publishEvent) with a text/plain ContentEvent"),
        ("/subscribe", "\(UMSType.subscribeMessagingEvents) from sequence 0 of the conversation"),
        ("/close-conversation", "\(UMSType.updateConversationField) ConversationStateField CLOSE"),
        ("/accept", "AcceptStatusEvent ACCEPT for the agent messages received"),
        ("/read", "AcceptStatusEvent READ for the agent messages received"),
        ("/ids", "the conversation id and the requests waiting for a response"),
    ]

    /// The request and event types the tutorials' frames use, for completion inside a frame.
    package static let frameWords = [
        UMSType.requestConversation, UMSType.publishEvent, UMSType.subscribeMessagingEvents,
        UMSType.updateConversationField, UMSType.subscribeExConversations, UMSType.unsubscribeExConversations,
        UMSType.initConnection, UMSType.getClock, "ms.GenerateURLForUploadFile", "ms.GenerateURLForDownloadFile",
        "userprofile.SetUserProfile", "ContentEvent", "AcceptStatusEvent", "ChatStateEvent",
    ]

    /// 4401 covers every rejected token; the server's reason tells an expired one (refresh it) from one that no
    /// refresh can save (invalid, revoked, another account's, missing), which need a new token.
    package static func closeMeaning(_ code: Int, reason: String?) -> String? {
        let reason = reason?.lowercased() ?? ""
        return switch code {
        case UMSCloseCode.unauthorized where reason.contains("revoked"):
            "token revoked: create a new token (Getting Started step 2) and reconnect"
        case UMSCloseCode.unauthorized where reason.contains("not for account") || reason.contains("another account"):
            "token for another account: create a token for $LP_ACCOUNT (Getting Started step 2) and reconnect"
        case UMSCloseCode.unauthorized where reason.contains("missing"):
            "no token: connect with -H \"Authorization:jwt $LP_JWT\", or send InitConnection with it first"
        case UMSCloseCode.unauthorized where reason.contains("invalid"):
            "token rejected as invalid (not a token this account issued): create a new token (Getting Started step 2) "
                + "and reconnect"
        case UMSCloseCode.unauthorized: "token expired: refresh the token (step 4) and reconnect"
        case UMSCloseCode.identityExpired:
            "identity expired: create a new token (Getting Started step 2) and reconnect"
        case UMSCloseCode.policyViolation:
            "policy violation: LivePerson treats this as an invalid token; get a new token and reconnect"
        default: nil
        }
    }

    /// The consumer socket (`…/messaging/consumer`) or the agent's (`…/messaging/brand/{bearer}`).
    package static func role(ofSocketAt path: String) -> String? {
        if path.contains("/messaging/consumer") { return "consumer" }
        if path.contains("/messaging/brand/") { return "agent" }
        return nil
    }

    package static func meansRejectedCredentials(_ code: Int) -> Bool { UMSCloseCode.meansInvalidToken(code) }

    package mutating func run(command name: String, argument: String) -> SlashCommands.Action? {
        MessagingCommands.run(name, argument: argument, conversation: &conversation)
    }

    /// A frame naming a placeholder waits while the answer that brings its value is on its way (the conversation
    /// id after the request that creates it, the user id after GetUserProfile, …).
    package func holdsBack(_ text: String) -> Bool { conversation.awaitsValue(for: text) }

    package mutating func prepare(_ text: String, json: JSONValue?) -> WSCatOutgoing {
        conversation.prepare(text, json: json)
    }

    package mutating func receive(_ text: String) -> WSCatIncoming { conversation.receive(text) }

    package var waiting: [(id: String, type: String)] { conversation.waiting }

    package var isWaiting: Bool { conversation.isWaiting }

    /// The captured values that changed (`LP_CONV_ID`, `LP_RING_ID`, …; "" to unset a forgotten one).
    package var variablesToKeep: [String: String] { conversation.capture.changed }

    package var sharedValues: [String: String] { conversation.capture.shared }

    package mutating func adopt(_ values: [String: String]) { conversation.capture.adopt(values) }
}

/// lp-shell's wscat: `WSCat<LivePersonMessaging>`, registered as a plain type (see `PlainWSCat` for why).
package struct MessagingWSCat: Builtin {
    package static var name: String { "wscat" }
    package static var summary: String { WSCatUsage.summary }
    package static var usage: String { WSCatUsage.text }

    package init() {}

    package func run(_ context: inout CommandContext) -> ExitStatus { WSCat<LivePersonMessaging>().run(&context) }
}
