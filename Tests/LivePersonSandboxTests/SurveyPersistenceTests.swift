import Foundation
import LivePersonAPI
import Synchronization
import Testing

@testable import LivePersonSandbox

/// `--data`: a survey dialog, its events and the answers so far outlive a restart, and the survey goes on.
@Suite(.timeLimit(.minutes(1)))
struct SurveyPersistenceTests {
    typealias Pages = SurveyTests

    @Test func surveyDialogsSurviveARestart() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("lp-survey-data-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: data) }
        let ids = try await SandboxHarness.withSandbox({ $0.dataDirectory = data }) { sandbox in
            try await Self.firstHalf(sandbox)
        }
        try await SandboxHarness.withSandbox({ $0.dataDirectory = data }) { sandbox in
            try await Pages.consumer(sandbox, sub: "durable-consumer") { socket in
                try await socket.send(
                    #"{"kind":"req","id":"1","type":"cqm.SubscribeExConversations","body":{"stage":["OPEN"]}}"#)
                _ = try await socket.response("1")
                let restored = try #require(try await socket.conversationChange()["result"]?["conversationDetails"])
                #expect(restored["stage"]?.stringValue == "OPEN")
                #expect(restored["dialogs"]?.elements.last?["dialogId"]?.stringValue == ids.survey)
                #expect(restored["dialogs"]?.elements.last?["state"]?.stringValue == "OPEN")

                try await socket.send(
                    #"{"kind":"req","id":"2","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"\#(ids.survey)","fromSeq":0}}"#
                )
                _ = try await socket.response("2")
                var events: [WireJSON] = []
                while events.count < 5 { events.append(try await socket.event(in: ids.survey)) }
                #expect(events.map { $0["sequence"]?.intValue } == Array(0..<5))
                #expect(events[2]["event"]?["message"]?.stringValue == "3")
                #expect(events[4]["event"]?["message"]?.stringValue == SurveyBot.fcr.text)

                // The answer kept before the restart counts: the second answer completes the survey.
                try await socket.send(Pages.publish("3", ids.survey, ids.conversation, event: Pages.text("no")))
                #expect(try await socket.response("3")["body"]?["sequence"]?.intValue == 5)
                let closed = try await SurveyAgentTests.details(socket, ids.conversation) {
                    $0["stage"]?.stringValue == "CLOSE"
                }
                #expect(closed["csat"]?["csatRate"]?.intValue == 3)
                #expect(closed["csat"]?["csatResolutionConfirmation"] == .bool(false))
                #expect(closed["csat"]?["status"]?.stringValue == "FILLED")
            }
        }
    }

    /// Opens a conversation, closes MAIN, answers the CSAT question; returns the conversation and survey dialog ids.
    static func firstHalf(_ sandbox: RunningSandbox) async throws -> (conversation: String, survey: String) {
        let ids = Mutex<(String, String)?>(nil)
        try await Pages.consumer(sandbox, sub: "durable-consumer") { socket in
            let conversationId = try await Pages.openConversation(socket)
            let surveyId = try Pages.surveyDialogId(try await Pages.closeMainDialog(socket, conversationId))
            _ = try await Pages.subscribeSurvey(socket, conversationId: conversationId, surveyId: surveyId)
            try await socket.send(Pages.publish("5", surveyId, conversationId, event: Pages.text("3")))
            _ = try await socket.response("5")
            _ = try await socket.change("the second question") {
                $0["event"]?["message"]?.stringValue == SurveyBot.fcr.text
            }
            ids.withLock { $0 = (conversationId, surveyId) }
        }
        let (conversation, survey) = try #require(ids.withLock { $0 })
        return (conversation, survey)
    }
}
