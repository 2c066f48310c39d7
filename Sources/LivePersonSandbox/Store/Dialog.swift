import Base64Codec
import LivePersonAPI

/// A dialog of a conversation other than its `MAIN` one (whose fields are the conversation's own, dialogId ==
/// conversationId): today the `POST_SURVEY` dialog that opens when MAIN closes and a survey is configured
/// (spec §3.8). Its Codable form (part of the conversation's `--data` row) leaves out the events, which are stored one
/// row each under the dialog's id.
struct Dialog: Sendable, Codable {
    static let postSurvey = "POST_SURVEY"

    let id: String
    var type = Dialog.postSurvey
    var state = "OPEN"
    let creationTs: Int64
    var endTs: Int64?
    var lastUpdate: Int64
    var closedBy: String?
    var closedCause: String?
    /// In the order the tutorials list them: the consumer, the survey agent, the former agent as `READER`.
    var participants: [ParticipantRef]
    var appInstallId: String?
    /// The built-in survey bot's questions and answers; `nil` once another agent has taken the survey over.
    var survey: SurveyProgress?
    var events: [StoredEvent] = []
    var nextSequence = 0

    enum CodingKeys: String, CodingKey {
        case id, type, state, creationTs, endTs, lastUpdate, closedBy, closedCause, participants, appInstallId, survey
    }

    var isOpen: Bool { state == "OPEN" }

    /// The ids of the dialog's agents (role `AGENT`): who may publish into it besides the consumer.
    var agentIds: [String] {
        participants.filter { $0.role == "AGENT" }.map(\.id)
    }

    var details: DialogDetails {
        DialogDetails(
            dialogId: id, participantsDetails: participants.map { DialogParticipant($0) }, dialogType: type,
            metaData: appInstallId.map { DialogMetaData(appInstallId: $0) }, state: state, creationTs: creationTs,
            endTs: endTs, metaDataLastUpdateTs: lastUpdate, closedBy: closedBy, closedCause: closedCause)
    }

    /// A new dialog id, shaped like LivePerson's survey dialog ids (22 characters of URL-safe base64, e.g.
    /// `PwT_YK91Sum3vu5H6T3YnA`), so that it can never be mistaken for a conversation id (a UUID).
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Base64Coding.encodeURL(bytes)
    }
}
