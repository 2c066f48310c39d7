import JSONQuery
import LivePersonAPI
import ShellBuiltins
import ShellRuntime

/// The values the tutorials' placeholders stand for, as the socket's frames bring them (conversation, dialogs,
/// ring, user id, upload URL, sequence), kept under the names of the shell variables that hold them between
/// commands (``captured``), so frames and shell lines fill placeholders the same way (`VariablePlaceholders`).
///
/// A conversation is forgotten as soon as it is replaced (a new one requested) or closed: its id, dialog, survey
/// dialog and sequence are never filled in after that.
struct SessionCapture {
    /// The variables it captures into.
    static let captured = [
        "LP_CONV_ID", VariablePlaceholders.closedConversation, "LP_DIALOG_ID", "LP_SURVEY_DIALOG_ID", "LP_RING_ID",
        "LP_USER_ID", "LP_CONSUMER_PID", "LP_REL_PATH", "LP_TUS", "LP_TUE", "LP_AGENT_PID",
    ]
    /// The variables read from the shell but not written back: `LP_SEQUENCE` is captured for the socket's run
    /// only (the pages acknowledge a message on the socket that received it).
    static let readOnly = ["LP_ACCOUNT", "LP_JWT", "LP_PREVIEW", "LP_SEQUENCE"]

    /// Variable name → value ("" once forgotten).
    private(set) var values: [String: String] = [:]
    /// The values at start, to tell which changed.
    private var initial: [String: String] = [:]
    /// Ring id → the conversation and consumer it offers.
    private var rings: [String: (conversation: String, consumer: String?)] = [:]

    init(variable: (String) -> String? = { _ in nil }) {
        for name in Self.captured + Self.readOnly {
            if let value = variable(name), !value.isEmpty { values[name] = value }
        }
        initial = values
    }

    subscript(name: String) -> String? {
        values[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    var conversationID: String? {
        get { self["LP_CONV_ID"] }
        set { values["LP_CONV_ID"] = newValue ?? "" }
    }

    /// The captured variables that changed ("" for one to unset).
    var changed: [String: String] {
        var result: [String: String] = [:]
        for name in Self.captured where (values[name] ?? "") != (initial[name] ?? "") {
            result[name] = values[name] ?? ""
        }
        return result
    }

    /// Every captured variable's value, "" for one not (or no longer) captured: what the shell's other sockets
    /// adopt.
    var shared: [String: String] {
        var result: [String: String] = [:]
        for name in Self.captured { result[name] = values[name] ?? "" }
        return result
    }

    /// Takes values another socket captured (a conversation the agent accepted, one the consumer closed).
    mutating func adopt(_ changes: [String: String]) {
        for (name, value) in changes where Self.captured.contains(name) { values[name] = value }
    }

    /// Fills `text`'s placeholders; `sequences` overrides `__SEQUENCE__` (the messages not yet accepted or read).
    func fill(_ text: String, sequences: [Int]) -> PlaceholderFilling {
        let afterClose = text.containsBytes("CSATRate")
        return PlaceholderFilling.fill(text) { placeholder in
            if placeholder == .sequence, !sequences.isEmpty {
                let list = sequences.map(String.init).joined(separator: ",")
                return .value(PlaceholderValue(list, from: "the messages received not yet acknowledged"))
            }
            return VariablePlaceholders.lookup(placeholder, afterClose: afterClose) { self[$0] }
        }
    }

    /// A new conversation was requested: the current one's values are not filled in any more.
    mutating func forgetConversation() -> String? {
        let old = conversationID
        for name in ["LP_CONV_ID", "LP_DIALOG_ID", "LP_SURVEY_DIALOG_ID", "LP_SEQUENCE"] where self[name] != nil {
            values[name] = ""
        }
        return old.map { "a new conversation is requested: \($0) is not filled in any more" }
    }

    /// `id` was closed: kept only in `$LP_CLOSED_CONV_ID` (for a CSAT).
    mutating func closed(_ id: String) -> String? {
        guard conversationID == id else { return nil }
        _ = forgetConversation()
        values[VariablePlaceholders.closedConversation] = id
        return
            "conversation \(id) is closed: it is not filled in any more ($\(VariablePlaceholders.closedConversation) keeps it)"
    }

    /// A conversation became the current one (created, or accepted by the agent).
    mutating func use(conversation id: String) -> String? {
        guard conversationID != id else { return nil }
        _ = forgetConversation()
        conversationID = id
        return "conversation \(id) is in $LP_CONV_ID"
    }

    /// Records `value` under `name`; a note when it is new.
    mutating func set(_ name: String, _ value: String, note: String) -> String? {
        guard self[name] != value else { return nil }
        values[name] = value
        return note
    }

    // MARK: Frames received

    /// Captures what a notification carries; returns the notes to show.
    mutating func notification(_ json: JSONValue, type: String) -> [String] {
        if type.hasSuffix("RoutingTaskNotification") { return rings(in: json) }
        if type.hasSuffix("ExConversationChangeNotification") { return conversationChanges(in: json) }
        return []
    }

    /// Captures the last message from the other side (its dialog and sequence). `LP_DIALOG_ID` is kept only for a
    /// dialog other than the MAIN one (the survey's): the MAIN dialog's id is the conversation's.
    mutating func message(dialog: String?, sequence: Int) {
        if let dialog, dialog == self["LP_SURVEY_DIALOG_ID"] {
            values["LP_DIALOG_ID"] = dialog
        } else if dialog != nil, dialog == conversationID, self["LP_DIALOG_ID"] != nil {
            values["LP_DIALOG_ID"] = ""
        }
        values["LP_SEQUENCE"] = String(sequence)
    }

    /// A ring was accepted: its conversation is the current one.
    mutating func accepted(ring: String) -> [String] {
        if self["LP_RING_ID"] == ring { values["LP_RING_ID"] = "" }
        guard let offer = rings[ring] else { return [] }
        var notes: [String] = []
        if let note = use(conversation: offer.conversation) { notes.append(note) }
        if let consumer = offer.consumer,
            let note = set("LP_CONSUMER_PID", consumer, note: "consumer \(consumer) is in $LP_CONSUMER_PID")
        {
            notes.append(note)
        }
        return notes
    }

    /// An upload or download URL: its path and signature.
    mutating func generatedURL(_ body: JSONValue) -> [String] {
        guard let path = body["relativePath"]?.text, let query = body["queryParams"] else { return [] }
        values["LP_REL_PATH"] = path
        values["LP_TUS"] = query["temp_url_sig"]?.text ?? ""
        values["LP_TUE"] = query["temp_url_expires"]?.text ?? ""
        return ["relativePath and queryParams are in $LP_REL_PATH, $LP_TUS and $LP_TUE"]
    }

    private mutating func rings(in json: JSONValue) -> [String] {
        guard case .array(let changes)? = json["body"]?["changes"] else { return [] }
        var notes: [String] = []
        for change in changes {
            guard case .array(let details)? = change["result"]?["ringsDetails"] else { continue }
            for ring in details {
                guard let id = ring["ringId"]?.text else { continue }
                guard ring["ringState"]?.text == "WAITING", let conversation = ring["convId"]?.text else {
                    // Accepted, cancelled, expired: the ring cannot be answered any more.
                    if self["LP_RING_ID"] == id { values["LP_RING_ID"] = "" }
                    continue
                }
                rings[id] = (conversation, ring["consumerId"]?.text)
                if let note = set("LP_RING_ID", id, note: "ring \(id) is in $LP_RING_ID") { notes.append(note) }
            }
        }
        return notes
    }

    private mutating func conversationChanges(in json: JSONValue) -> [String] {
        guard case .array(let changes)? = json["body"]?["changes"] else { return [] }
        var notes: [String] = []
        for change in changes where change["type"]?.text != "DELETE" {
            guard let result = change["result"], let id = result["convId"]?.text,
                id == conversationID || id == self[VariablePlaceholders.closedConversation]
            else { continue }
            let details = result["conversationDetails"]
            // The agent public profile page reads `$LP_AGENT_PID`, which no page sets: the assigned agent's id.
            if let agent = Self.assignedAgent(in: details),
                let note = set("LP_AGENT_PID", agent, note: "agent \(agent) (ASSIGNED_AGENT) is in $LP_AGENT_PID")
            {
                notes.append(note)
            }
            var openSurvey: String?
            if case .array(let dialogs)? = details?["dialogs"] {
                for dialog in dialogs where dialog["dialogType"]?.text == "POST_SURVEY" {
                    guard let dialogID = dialog["dialogId"]?.text else { continue }
                    if dialog["state"]?.text == "OPEN" {
                        openSurvey = dialogID
                    } else if dialogID == self["LP_SURVEY_DIALOG_ID"] {
                        values["LP_SURVEY_DIALOG_ID"] = ""
                    }
                }
            }
            let stage = details?["stage"]?.text
            let closed = stage == "CLOSE" || (stage == nil && details?["state"]?.text == "CLOSE" && openSurvey == nil)
            if closed {
                if let note = self.closed(id) { notes.append(note) }
            } else if let openSurvey {
                if id != conversationID, let note = use(conversation: id) { notes.append(note) }
                if let note = set(
                    "LP_SURVEY_DIALOG_ID", openSurvey, note: "survey dialog \(openSurvey) is in $LP_SURVEY_DIALOG_ID")
                {
                    notes.append(note)
                }
            }
        }
        return notes
    }

    /// The conversation's assigned agent: `participantsPId` (consumer socket), `participants` (brand socket), or
    /// the MAIN dialog's `participantsDetails`.
    static func assignedAgent(in details: JSONValue?) -> String? {
        if case .array(let ids)? = details?["participantsPId"]?["ASSIGNED_AGENT"], let id = ids.first?.text {
            return id
        }
        var candidates: [JSONValue] = []
        if case .array(let participants)? = details?["participants"] { candidates += participants }
        if case .array(let dialogs)? = details?["dialogs"] {
            for dialog in dialogs where dialog["dialogType"]?.text == "MAIN" {
                if case .array(let participants)? = dialog["participantsDetails"] { candidates += participants }
            }
        }
        return candidates.first { $0["role"]?.text == "ASSIGNED_AGENT" }?["id"]?.text
    }
}
