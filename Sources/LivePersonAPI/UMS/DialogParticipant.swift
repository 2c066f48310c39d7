/// One participant of a dialog as `dialogs[].participantsDetails` carries it: `{id, role, state}` (the brand socket's
/// ExConversation notifications and node-agent-sdk's fixtures show `state` `ACTIVE`; the consumer tutorials leave it
/// out, and extra fields are ignored by every client).
public struct DialogParticipant: Codable, Hashable, Sendable {
    public var id: String
    public var role: String
    public var state: String

    public init(id: String, role: String, state: String = "ACTIVE") {
        self.id = id
        self.role = role
        self.state = state
    }

    public init(_ participant: ParticipantRef, state: String = "ACTIVE") {
        self.init(id: participant.id, role: participant.role, state: state)
    }
}
