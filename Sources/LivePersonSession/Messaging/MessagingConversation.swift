import JSONQuery
import LivePersonAPI
import ShellBuiltins
import ShellRuntime

/// What `wscat` knows about the LivePerson conversation on the socket: requests waiting for their response
/// (matched by `reqId`), the conversation id, and the agent messages not yet acknowledged.
struct MessagingConversation {
    /// The placeholder the tutorials print in frames where the conversation id goes.
    static let placeholder = "__YOUR_CONVERSATION_ID__"

    /// Request id → request type and send order, for requests still waiting for a response. A dictionary alone:
    /// with thousands of frames in flight (a batch), removing an answered id from an ordered list was quadratic.
    private var pending: [String: (type: String, order: Int)] = [:]
    /// The send order given to the next request recorded.
    private var nextOrder = 0
    /// The conversation id, from a `cm.RequestConversationResponse` (or `$LP_CONV_ID` at start).
    var conversationID: String?
    /// Sequences of agent messages seen, not yet accepted / read.
    private(set) var unaccepted: [Int] = []
    private(set) var unread: [Int] = []
    private var highestID = 0

    /// True when `text` holds ``placeholder`` (a byte search: `String.contains(String)` goes through
    /// _StringProcessing's searcher, a cost paid twice per frame in a batch of thousands).
    static func mentionsPlaceholder(_ text: String) -> Bool {
        text.containsBytes(placeholder)
    }

    /// Substitutes the conversation id and records the request; `json` is the parsed frame when it is JSON.
    mutating func prepare(_ text: String, json: JSONValue?) -> WSCatOutgoing {
        var prepared = WSCatOutgoing(text: text)
        var json = json
        if Self.mentionsPlaceholder(text), let conversationID {
            prepared.text = text.replacing(Self.placeholder, with: conversationID)
            json = try? FrameJSON.parse(prepared.text)
            prepared.notes.append(
                "replaced \(Self.placeholder) with \(conversationID) ($\(LivePersonMessaging.conversationVariable))")
        }
        if let json, let id = json["id"]?.text {
            let type = json["type"]?.text ?? "request"
            if let earlier = pending.updateValue((type, nextOrder), forKey: id) {
                prepared.notes.append("id \(id) is already waiting for a response")
                pending[id] = (type, earlier.order)
            } else {
                nextOrder += 1
            }
            if let number = Int(id) { highestID = max(highestID, number) }
        }
        return prepared
    }

    /// Matches a response to its request, captures a new conversation id and remembers agent messages.
    mutating func receive(_ text: String) -> WSCatIncoming {
        var received = WSCatIncoming()
        guard text.utf8.first == UInt8(ascii: "{"), let json = try? FrameJSON.parse(text) else { return received }
        received.json = json
        if let reqID = json["reqId"]?.text {
            received.requestID = reqID
            if let request = pending.removeValue(forKey: reqID) { received.answers = request.type }
            if let code = json["code"]?.text.flatMap({ Int($0) }), code >= 400 { received.failed = true }
            if let id = json["body"]?["conversationId"]?.text, !received.failed,
                received.answers == nil || received.answers == UMSType.requestConversation
            {
                conversationID = id
                received.notes.append("conversation \(id) is in $\(LivePersonMessaging.conversationVariable)")
            }
        }
        if json["type"]?.text == UMSType.messagingEventNotification,
            case .array(let changes)? = json["body"]?["changes"]
        {
            for change in changes where change["event"]?["type"]?.text == "ContentEvent" {
                let role = change["originatorMetadata"]?["role"]?.text ?? ""
                guard role != "CONSUMER", let sequence = change["sequence"]?.text.flatMap({ Int($0) }) else { continue }
                unaccepted.append(sequence)
                unread.append(sequence)
            }
        }
        return received
    }

    /// The next free request id.
    mutating func nextID() -> String {
        highestID += 1
        return String(highestID)
    }

    /// Marks sequences acknowledged by `/accept` or `/read`.
    mutating func acknowledged(_ status: String) {
        if status == "ACCEPT" { unaccepted = [] } else { unread = [] }
    }

    /// Ids still waiting, with their request type, in send order.
    var waiting: [(id: String, type: String)] {
        pending.sorted { $0.value.order < $1.value.order }.map { ($0.key, $0.value.type) }
    }

    /// True while a request waits for its response (cheaper than `waiting`, which sorts).
    var isWaiting: Bool { !pending.isEmpty }

    /// True while a request of `type` waits for its response.
    func isWaiting(for type: String) -> Bool { pending.values.contains { $0.type == type } }
}
