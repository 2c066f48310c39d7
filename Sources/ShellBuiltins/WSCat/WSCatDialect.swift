import JSONQuery

/// What `wscat` knows of the protocol spoken on the socket: how requests and their responses pair up, what a
/// response carries that the shell keeps, placeholders in pasted frames, slash commands of its own and what its
/// close codes mean.
///
/// wscat itself speaks no protocol: ``PlainWebSocket`` is the standard builtins' dialect. The LivePerson layer
/// provides LivePerson's messaging protocol (`LivePersonMessaging` in LivePersonSession) and ShellApp registers
/// `WSCat<LivePersonMessaging>` in its place, so the same command line gets conversation capture, `/publish`
/// and token advice without wscat's code knowing LivePerson.
package protocol WSCatDialect {
    /// A new run's state, started from the shell's variables (LivePerson: `$LP_CONV_ID`).
    init(variable: (String) -> String?)

    /// The slash commands the dialect adds, with a one-line summary each, for `/help` and completion.
    static var commands: [(name: String, summary: String)] { get }
    /// Words completed inside a frame (LivePerson: the request types of the tutorials' frames).
    static var frameWords: [String] { get }
    /// What `code` means on this protocol and what to do about it (the server's `reason` may tell which case it is),
    /// nil where RFC 6455's meaning holds.
    static func closeMeaning(_ code: Int, reason: String?) -> String?
    /// Which side of the protocol a socket at `path` (the URL's path and query) is, as `jobs`, `fg %NAME` and
    /// `/as NAME` name it (LivePerson: `consumer`, `agent`); nil when the dialect cannot tell.
    static func role(ofSocketAt path: String) -> String?
    /// True when `code` says the credentials were rejected: reconnecting with the same ones cannot work.
    static func meansRejectedCredentials(_ code: Int) -> Bool

    /// Runs one of ``commands`` (`name` with its leading `/`); nil for a name the dialect does not have.
    mutating func run(command name: String, argument: String) -> SlashCommands.Action?
    /// True when `text` may hold a placeholder the dialect fills: such a frame is handed to ``prepare(_:json:)``
    /// even when it is not JSON yet (`"sequenceList":[ __SEQUENCE__ ]`).
    static func mentionsPlaceholder(_ text: String) -> Bool
    /// True while `text` must wait before it is sent (LivePerson: it names the conversation id, and the request
    /// that creates the conversation is still waiting for its response).
    func holdsBack(_ text: String) -> Bool
    /// A frame about to be sent: placeholders substituted, the request recorded; `json` is the parsed frame.
    mutating func prepare(_ text: String, json: JSONValue?) -> WSCatOutgoing
    /// A received text frame, interpreted (which request it answers, values captured).
    mutating func receive(_ text: String) -> WSCatIncoming
    /// Requests still waiting for their response, in send order.
    var waiting: [(id: String, type: String)] { get }
    /// True while a request waits for its response (cheaper than `waiting`).
    var isWaiting: Bool { get }
    /// The shell variables to set when wscat returns (LivePerson: `LP_CONV_ID`); an empty value unsets one.
    var variablesToKeep: [String: String] { get }
    /// Every value the dialect captures and shares with the shell's other sockets ("" for one it has not or no
    /// longer has): a conversation the agent socket accepted fills the consumer socket's frames too.
    var sharedValues: [String: String] { get }
    /// Takes values another socket captured (same names as ``sharedValues``; "" forgets one).
    mutating func adopt(_ values: [String: String])
}

extension WSCatDialect {
    package static func role(ofSocketAt path: String) -> String? { nil }
    package var sharedValues: [String: String] { [:] }
    package mutating func adopt(_ values: [String: String]) {}
}

/// A frame about to be sent, as the dialect prepared it.
package struct WSCatOutgoing {
    /// The text sent.
    package var text: String
    /// Notes shown before it is sent (`replaced __YOUR_CONVERSATION_ID__ with …`).
    package var notes: [String] = []
    /// Why it must not be sent, one line each (a placeholder without a value); nil to send it.
    package var refusal: [String]?

    package init(text: String, notes: [String] = [], refusal: [String]? = nil) {
        self.text = text
        self.notes = notes
        self.refusal = refusal
    }
}

/// A received text frame, as the dialect read it.
package struct WSCatIncoming {
    /// The frame parsed, nil when it is not JSON.
    package var json: JSONValue?
    /// The type of the request this frame answers.
    package var answers: String?
    /// The id of the request it answers.
    package var requestID: String?
    /// True when the response says the request failed.
    package var failed = false
    /// Notes shown after the frame (`conversation … is in $LP_CONV_ID`).
    package var notes: [String] = []

    package init(json: JSONValue? = nil) {
        self.json = json
    }
}

/// The dialect of a socket wscat knows nothing about: frames go out as typed and come back as they are.
package struct PlainWebSocket: WSCatDialect {
    package init(variable: (String) -> String?) {}
    package static var commands: [(name: String, summary: String)] { [] }
    package static var frameWords: [String] { [] }
    package static func closeMeaning(_ code: Int, reason: String?) -> String? { nil }
    package static func meansRejectedCredentials(_ code: Int) -> Bool { code == 1008 }
    package static func mentionsPlaceholder(_ text: String) -> Bool { false }
    package mutating func run(command name: String, argument: String) -> SlashCommands.Action? { nil }
    package func holdsBack(_ text: String) -> Bool { false }
    package mutating func prepare(_ text: String, json: JSONValue?) -> WSCatOutgoing { WSCatOutgoing(text: text) }

    package mutating func receive(_ text: String) -> WSCatIncoming {
        guard text.utf8.first == UInt8(ascii: "{") else { return WSCatIncoming() }
        return WSCatIncoming(json: try? FrameJSON.parse(text))
    }

    package var waiting: [(id: String, type: String)] { [] }
    package var isWaiting: Bool { false }
    package var variablesToKeep: [String: String] { [:] }
}
