import JSONQuery
import LivePersonAPI
import ShellBuiltins
import ShellRuntime

/// What `wscat` knows about the LivePerson conversation on the socket: requests waiting for their response
/// (matched by `reqId`), the values the tutorials' placeholders stand for (``capture``), and the messages from the
/// other side not yet acknowledged.
struct MessagingConversation {
    /// The placeholder the getting-started tutorial prints in frames where the conversation id goes.
    static let placeholder = "__YOUR_CONVERSATION_ID__"

    /// What a request waits for, when its answer changes what placeholders stand for.
    enum Purpose: Equatable {
        case requestConversation
        case ownProfile
        case close(conversation: String)
        case acceptRing(String)
        case generateURL

        /// What the answer brings: `conversation`, `profile`, `url`, or `close`.
        var kind: String {
            switch self {
            case .requestConversation, .acceptRing: "conversation"
            case .ownProfile: "profile"
            case .close: "close"
            case .generateURL: "url"
            }
        }
    }

    /// Request id → request type and send order, for requests still waiting for a response. A dictionary alone:
    /// with thousands of frames in flight (a batch), removing an answered id from an ordered list was quadratic.
    private var pending: [String: (type: String, order: Int)] = [:]
    /// The requests of ``pending`` whose answer brings or ends a placeholder's value.
    private var purposes: [String: Purpose] = [:]
    /// The send order given to the next request recorded.
    private var nextOrder = 0
    /// Conversation, dialogs, ring, user id, upload URL: what fills the placeholders.
    var capture: SessionCapture
    /// Sequences of messages from the other side seen, not yet accepted / read.
    private(set) var unaccepted: [Int] = []
    private(set) var unread: [Int] = []
    private var highestID = 0
    /// A survey dialog is due (the MAIN dialog was closed), or a ring (routing tasks were subscribed to).
    private var expectsSurvey = false
    private var expectsRing = false

    init(capture: SessionCapture = SessionCapture()) {
        self.capture = capture
    }

    /// The conversation id, from a `cm.RequestConversationResponse`, an accepted ring, or `$LP_CONV_ID` at start.
    var conversationID: String? {
        get { capture.conversationID }
        set { capture.conversationID = newValue }
    }

    /// True when `text` holds ``placeholder`` (a byte search: `String.contains(String)` goes through
    /// _StringProcessing's searcher, a cost paid twice per frame in a batch of thousands).
    static func mentionsPlaceholder(_ text: String) -> Bool {
        text.containsBytes(placeholder)
    }

    /// True while `text` names a placeholder that has no value yet but an answer or notification on its way
    /// will bring one (the conversation after a request for one, the user id after GetUserProfile, …).
    func awaitsValue(for text: String) -> Bool {
        guard PlaceholderFilling.mayMention(text), !pending.isEmpty || expectsSurvey || expectsRing else {
            return false
        }
        let waitsFor = Set(purposes.values.map(\.kind))
        let placeholders = PlaceholderFilling.placeholders(in: text)
        // A close on its way: whether the conversation may still be filled in is known from its answer.
        if waitsFor.contains("close"),
            placeholders.contains(where: { [.conversationID, .dialogID, .surveyDialogID].contains($0) })
        {
            return true
        }
        let missing = capture.fill(text, sequences: []).missing
        guard !missing.isEmpty else { return false }
        for placeholder in placeholders {
            switch placeholder {
            case .conversationID, .dialogID, .consumerPID:
                if waitsFor.contains("conversation") { return true }
            case .userID: if waitsFor.contains("profile") { return true }
            case .relativePath, .tempURLSignature, .tempURLExpires: if waitsFor.contains("url") { return true }
            case .surveyDialogID: if expectsSurvey { return true }
            case .ringID: if expectsRing { return true }
            default: break
            }
        }
        return false
    }

    /// Fills the placeholders and records the request; `json` is the parsed frame when it is JSON. A frame with a
    /// placeholder that has no value, or that is no JSON once filled, is refused.
    mutating func prepare(_ text: String, json: JSONValue?) -> WSCatOutgoing {
        var prepared = WSCatOutgoing(text: text)
        var json = json
        if PlaceholderFilling.mayMention(text) {
            let acknowledging = text.containsBytes("\"READ\"") ? unread : unaccepted
            let filling = capture.fill(text, sequences: acknowledging)
            if !filling.missing.isEmpty {
                prepared.refusal = filling.missing
                return prepared
            }
            if filling.text != text {
                do {
                    let value = try FrameJSON.parse(filling.text)
                    json = value
                    prepared.text = text.contains("\n") ? FrameJSON.compact(value) : filling.text
                } catch {
                    prepared.refusal = [FrameJSON.describe(error, in: filling.text)]
                    return prepared
                }
                prepared.notes = filling.notes
                if text.containsBytes("__SEQUENCE__") {
                    if text.containsBytes("\"READ\"") { unread = [] } else { unaccepted = [] }
                }
            }
        }
        if json == nil, let first = prepared.text.utf8.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            // Handed on unparsed for its placeholders (`[ __SEQUENCE__ ]`): it must be JSON now.
            do {
                json = try FrameJSON.parse(prepared.text)
            } catch {
                prepared.refusal = [FrameJSON.describe(error, in: prepared.text)]
                return prepared
            }
        }
        guard let json else { return prepared }
        if let id = json["id"]?.text {
            let type = json["type"]?.text ?? "request"
            if let earlier = pending.updateValue((type, nextOrder), forKey: id) {
                prepared.notes.append("id \(id) is already waiting for a response")
                pending[id] = (type, earlier.order)
            } else {
                nextOrder += 1
            }
            if let number = Int(id) { highestID = max(highestID, number) }
            if let purpose = Self.purpose(of: json, type: type) {
                purposes[id] = purpose
                if case .requestConversation = purpose, let note = capture.forgetConversation() {
                    prepared.notes.append(note)
                    unaccepted = []
                    unread = []
                }
            } else {
                purposes[id] = nil
            }
        }
        if let type = json["type"]?.text {
            if type.hasSuffix("SubscribeRoutingTasks") { expectsRing = capture["LP_RING_ID"] == nil }
            if type.hasSuffix("UpdateConversationField"), text.containsBytes("DialogChange"),
                text.containsBytes("CLOSE")
            {
                expectsSurvey = true
            }
        }
        return prepared
    }

    /// Why a request matters to the placeholders, or nil.
    private static func purpose(of json: JSONValue, type: String) -> Purpose? {
        let body = json["body"]
        switch type {
        case UMSType.requestConversation, ".ams.cm.ConsumerRequestConversation": return .requestConversation
        case ".ams.userprofile.GetUserProfile", "userprofile.GetUserProfile":
            return body?["userId"]?.text == nil ? .ownProfile : nil
        case ".ams.routing.UpdateRingState", "routing.UpdateRingState":
            guard body?["ringState"]?.text == "ACCEPTED", let ring = body?["ringId"]?.text else { return nil }
            return .acceptRing(ring)
        case "ms.GenerateURLForUploadFile", "ms.GenerateURLForDownloadFile", ".ams.ms.GenerateURLForUploadFile",
            ".ams.ms.GenerateURLForDownloadFile":
            return .generateURL
        case UMSType.updateConversationField, ".ams.cm.UpdateConversationField":
            guard let conversation = body?["conversationId"]?.text else { return nil }
            let fields: [JSONValue]
            switch body?["conversationField"] {
            case .array(let list)?: fields = list
            case let field?: fields = [field]
            case nil: fields = []
            }
            let closes = fields.contains { field in
                let name = field["field"]?.text
                return (name == "ConversationStateField" || name == "Stage")
                    && field["conversationState"]?.text == "CLOSE"
            }
            return closes ? .close(conversation: conversation) : nil
        default: return nil
        }
    }

    /// Matches a response to its request, captures what it brings and remembers messages from the other side.
    mutating func receive(_ text: String) -> WSCatIncoming {
        var received = WSCatIncoming()
        guard text.utf8.first == UInt8(ascii: "{"), let json = try? FrameJSON.parse(text) else { return received }
        received.json = json
        if let reqID = json["reqId"]?.text {
            received.requestID = reqID
            if let request = pending.removeValue(forKey: reqID) { received.answers = request.type }
            if let code = json["code"]?.text.flatMap({ Int($0) }), code >= 400 { received.failed = true }
            let purpose = purposes.removeValue(forKey: reqID)
            if !received.failed { received.notes += answered(purpose, json: json, answers: received.answers) }
            return received
        }
        guard let type = json["type"]?.text else { return received }
        if type == UMSType.messagingEventNotification, case .array(let changes)? = json["body"]?["changes"] {
            for change in changes where change["event"]?["type"]?.text == "ContentEvent" {
                let role = change["originatorMetadata"]?["role"]?.text ?? ""
                guard role != "CONSUMER", let sequence = change["sequence"]?.text.flatMap({ Int($0) }) else { continue }
                recordMessage(sequence, dialog: change["dialogId"]?.text)
            }
        } else if type.hasSuffix("ms.OnlineEventDistribution"), let body = json["body"],
            body["event"]?["type"]?.text == "ContentEvent", let sequence = body["sequence"]?.text.flatMap({ Int($0) })
        {
            // The agent's socket: the consumer's messages (the agent's own come back too, from another pid).
            let consumer = capture["LP_CONSUMER_PID"]
            if consumer == nil || body["originatorPId"]?.text == consumer {
                recordMessage(sequence, dialog: body["dialogId"]?.text)
            }
        } else {
            let notes = capture.notification(json, type: type)
            if capture["LP_RING_ID"] != nil { expectsRing = false }
            if capture["LP_SURVEY_DIALOG_ID"] != nil || capture.conversationID == nil { expectsSurvey = false }
            received.notes += notes
        }
        return received
    }

    private mutating func recordMessage(_ sequence: Int, dialog: String?) {
        unaccepted.append(sequence)
        unread.append(sequence)
        capture.message(dialog: dialog, sequence: sequence)
    }

    /// What a successful answer to a request with `purpose` brings.
    private mutating func answered(_ purpose: Purpose?, json: JSONValue, answers: String?) -> [String] {
        let body = json["body"]
        switch purpose {
        case .requestConversation?, nil:
            // An unmatched response naming a conversation (a frame sent before wscat started) is taken too.
            guard let id = body?["conversationId"]?.text, purpose != nil || answers == nil else {
                return body.map { capture.generatedURL($0) } ?? []
            }
            unaccepted = []
            unread = []
            return capture.use(conversation: id).map { [$0] } ?? []
        case .ownProfile?:
            guard let user = body?["userId"]?.text else { return [] }
            return capture.set("LP_USER_ID", user, note: "user id \(user) is in $LP_USER_ID").map { [$0] } ?? []
        case .close(let conversation)?:
            return capture.closed(conversation).map { [$0] } ?? []
        case .acceptRing(let ring)?:
            return capture.accepted(ring: ring)
        case .generateURL?:
            return body.map { capture.generatedURL($0) } ?? []
        }
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
