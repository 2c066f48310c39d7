import Foundation
import LivePersonAPI
import Testing

@testable import LivePersonSandbox

/// How surveys end besides completion, when none opens, the legacy CSAT page, and the refusals.
@Suite(.timeLimit(.minutes(1)))
struct SurveyOutcomeTests {
    typealias Pages = SurveyTests

    /// The legacy CSAT page: close the conversation the conversation-metadata tutorial's way (which closes every
    /// dialog: no survey follows, as the old CSAT and PCS never run together), then post a CSATRate.
    @Test func legacyCSATPageAfterClose() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await Pages.consumer(sandbox, sub: "legacy") { socket in
                let conversationId = try await Pages.openConversation(socket)
                try await socket.send(
                    #"{"kind":"req","id":"0","type":"cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":[{"field":"ConversationStateField","conversationState":"CLOSE"}]}}"#
                )
                #expect(try await socket.response("0")["body"]?.stringValue == "OK Conversation resolved successfully")
                let closed = try #require(try await socket.conversationChange()["result"]?["conversationDetails"])
                #expect(closed["state"]?.stringValue == "CLOSE")
                #expect(closed["stage"]?.stringValue == "CLOSE")
                #expect(closed["dialogs"]?.elements.map { $0["dialogType"]?.stringValue } == ["MAIN"])
                try await socket.send(
                    #"{"kind":"req","id":"AHDJE","type":"cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":{"field":"CSATRate","csatRate":5,"csatResolutionConfirmation":true,"status":"FILLED"}}}"#
                )
                let answer = try await socket.response("AHDJE")
                #expect(answer["code"]?.intValue == 200)
                #expect(answer["body"]?.stringValue == "OK CSAT updated successfully")
                let rated = try #require(try await socket.conversationChange()["result"]?["conversationDetails"])
                #expect(rated["csat"]?["csatRate"]?.intValue == 5)
                #expect(rated["csat"]?["status"]?.stringValue == "FILLED")
            }
        }
    }

    @Test func noSurveyClosesAsBefore() async throws {
        try await SandboxHarness.withSandbox({ $0.surveyEnabled = false }) { sandbox in
            try await Pages.consumer(sandbox, sub: "no-survey") { socket in
                let conversationId = try await Pages.openConversation(socket)
                let details = try await Pages.closeMainDialog(socket, conversationId)
                #expect(details["state"]?.stringValue == "CLOSE")
                #expect(details["stage"]?.stringValue == "CLOSE")
                #expect(details["endTs"]?.intValue != nil)
                #expect(details["dialogs"]?.elements.count == 1)
                #expect(details["dialogs"]?.elements.first?["endTs"] == details["endTs"])
            }
        }
    }

    /// `Stage` CLOSE closes everything and skips the survey (PCS tutorial, Additional Notes); an unassigned
    /// conversation gets no survey either.
    @Test func stageCloseAndUnassignedConversationsOpenNoSurvey() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await Pages.consumer(sandbox, sub: "stage") { socket in
                let conversationId = try await Pages.openConversation(socket)
                try await socket.send(
                    #"{"kind":"req","id":"11","body":{"conversationId":"\#(conversationId)","conversationField":{"field":"Stage","conversationState":"CLOSE"}},"type":"cm.UpdateConversationField"}"#
                )
                #expect(try await socket.response("11")["code"]?.intValue == 200)
                let details = try #require(try await socket.conversationChange()["result"]?["conversationDetails"])
                #expect(details["stage"]?.stringValue == "CLOSE")
                #expect(details["state"]?.stringValue == "CLOSE")
                #expect(details["dialogs"]?.elements.count == 1)
            }
        }
        try await SandboxHarness.withSandbox({ $0.botEnabled = false }) { sandbox in
            try await Pages.consumer(sandbox, sub: "unassigned") { socket in
                try await socket.send(#"{"kind":"req","id":"0","type":"cm.ConsumerRequestConversation"}"#)
                let conversationId = try #require(
                    try await socket.response("0")["body"]?["conversationId"]?.stringValue)
                try await socket.send(
                    #"{"kind":"req","id":"1","type":"cqm.SubscribeExConversations","body":{"convState":["CLOSE"]}}"#)
                _ = try await socket.response("1")
                _ = try await socket.conversationChange()
                let details = try await Pages.closeMainDialog(socket, conversationId)
                #expect(details["stage"]?.stringValue == "CLOSE")
                #expect(details["dialogs"]?.elements.count == 1)
            }
        }
    }

    /// The consumer closes the survey dialog after the first answer: the survey ends, CSAT partly filled.
    @Test func consumerClosesTheSurveyDialog() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await Pages.consumer(sandbox, sub: "leaver") { socket in
                let conversationId = try await Pages.openConversation(socket)
                let surveyId = try Pages.surveyDialogId(try await Pages.closeMainDialog(socket, conversationId))
                _ = try await Pages.subscribeSurvey(socket, conversationId: conversationId, surveyId: surveyId)
                try await socket.send(Pages.publish("5", surveyId, conversationId, event: Pages.text("2")))
                _ = try await socket.response("5")
                _ = try await socket.change("the second question") {
                    $0["event"]?["message"]?.stringValue == SurveyBot.fcr.text
                }
                try await socket.send(
                    #"{"kind":"req","id":"6","type":"cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":{"field":"DialogChange","type":"UPDATE","dialog":{"dialogId":"\#(surveyId)","state":"CLOSE","closedCause":"Closed by consumer"}}}}"#
                )
                #expect(try await socket.response("6")["code"]?.intValue == 200)
                let details = try await SurveyAgentTests.details(socket, conversationId) {
                    $0["stage"]?.stringValue == "CLOSE"
                }
                let survey = try #require(details["dialogs"]?.elements.last)
                #expect(survey["closedBy"]?.stringValue == "CONSUMER")
                #expect(survey["closedCause"]?.stringValue == "Closed by consumer")
                #expect(details["csat"]?["csatRate"]?.intValue == 2)
                #expect(details["csat"]?["status"]?.stringValue == "PARTIALLY_FILLED")

                // Closing it again, or a dialog the conversation does not have, is refused.
                try await socket.send(
                    #"{"kind":"req","id":"7","type":"cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":{"field":"DialogChange","type":"UPDATE","dialog":{"dialogId":"\#(surveyId)","state":"CLOSE"}}}}"#
                )
                let again = try await socket.response("7")
                #expect(again["code"]?.intValue == 400)
                #expect(again["body"]?.stringValue == "Dialog \(surveyId) is already closed")
            }
        }
    }

    @Test func skipInvalidAnswersAndTimeout() async throws {
        // The default timeout here: under load a 400 ms one could expire the survey before the invalid answer.
        try await SandboxHarness.withSandbox { sandbox in
            // "skip" ends the survey at once; a reply that is no option gets the question again.
            try await Pages.consumer(sandbox, sub: "skipper") { socket in
                let conversationId = try await Pages.openConversation(socket)
                let surveyId = try Pages.surveyDialogId(try await Pages.closeMainDialog(socket, conversationId))
                _ = try await Pages.subscribeSurvey(socket, conversationId: conversationId, surveyId: surveyId)
                try await socket.send(Pages.publish("5", surveyId, conversationId, event: Pages.text("seven")))
                _ = try await socket.response("5")
                _ = try await socket.change("not understood") {
                    $0["event"]?["message"]?.stringValue == SurveyBot.notUnderstood
                }
                let again = try await socket.change("the question again") {
                    $0["event"]?["message"]?.stringValue == SurveyBot.csat.text
                }
                #expect(again["sequence"]?.intValue != 1)
                try await socket.send(Pages.publish("6", surveyId, conversationId, event: Pages.text(" Skip ")))
                _ = try await socket.response("6")
                _ = try await socket.change("skipped") { $0["event"]?["message"]?.stringValue == SurveyBot.skipped }
                let details = try await SurveyAgentTests.details(socket, conversationId) {
                    $0["stage"]?.stringValue == "CLOSE"
                }
                #expect(details["dialogs"]?.elements.last?["closedCause"]?.stringValue == "Skipped")
                #expect(details["csat"] == nil)
            }
        }
        try await SandboxHarness.withSandbox({ $0.surveyTimeout = .milliseconds(400) }) { sandbox in
            // No answer within --survey-timeout: the bot says so and closes the survey.
            try await Pages.consumer(sandbox, sub: "silent") { socket in
                let conversationId = try await Pages.openConversation(socket)
                let surveyId = try Pages.surveyDialogId(try await Pages.closeMainDialog(socket, conversationId))
                _ = try await Pages.subscribeSurvey(socket, conversationId: conversationId, surveyId: surveyId)
                _ = try await socket.change("expired") { $0["event"]?["message"]?.stringValue == SurveyBot.expired }
                let details = try await SurveyAgentTests.details(socket, conversationId) {
                    $0["stage"]?.stringValue == "CLOSE"
                }
                let survey = try #require(details["dialogs"]?.elements.last)
                #expect(survey["closedBy"]?.stringValue == "AGENT")
                #expect(survey["closedCause"]?.stringValue == "Timeout")
            }
        }
    }

    @Test func badInputsAboutDialogs() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let stranger = await sandbox.services.store.agentLogin(account: sandbox.account, loginName: "stranger")
            try await Pages.consumer(sandbox, sub: "tester") { socket in
                let conversationId = try await Pages.openConversation(socket)
                let cases: [(String, Int, String)] = [
                    (
                        #"{"field":"DialogChange","type":"UPDATE","dialog":{"dialogId":"nope","state":"CLOSE"}}"#, 404,
                        "Dialog nope not found in conversation \(conversationId)"
                    ),
                    (
                        #"{"field":"DialogChange","type":"UPDATE","dialog":{"dialogId":"\#(conversationId)","state":"OPEN"}}"#,
                        400, "DialogChange supports only dialog.state CLOSE, not 'OPEN'"
                    ),
                    (
                        #"{"field":"DialogChange","type":"CREATE","dialog":{"dialogType":"POST_SURVEY"}}"#, 400,
                        "DialogChange type 'CREATE' is not supported (only UPDATE)"
                    ),
                    (#"{"field":"DialogChange","type":"UPDATE"}"#, 400, "DialogChange needs a dialog object"),
                    (
                        #"{"field":"ParticipantsChange","type":"ADD","role":"AGENT","dialogId":"x"}"#, 403,
                        "Consumers cannot change participants"
                    ),
                ]
                for (index, (field, code, message)) in cases.enumerated() {
                    try await socket.send(
                        #"{"kind":"req","id":"b\#(index)","type":"cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":\#(field)}}"#
                    )
                    let answer = try await socket.response("b\(index)")
                    #expect(answer["code"]?.intValue == code, "\(field)")
                    #expect(answer["body"]?.stringValue == message, "\(field)")
                }
                let surveyId = try Pages.surveyDialogId(try await Pages.closeMainDialog(socket, conversationId))
                try await socket.send(Pages.publish("p", "no-such-dialog", conversationId, event: Pages.text("x")))
                let unknown = try await socket.response("p")
                #expect(unknown["code"]?.intValue == 404)
                #expect(unknown["body"]?.stringValue == "Dialog no-such-dialog not found")
                try await socket.send(Pages.publish("q", conversationId, conversationId, event: Pages.text("x")))
                #expect(try await socket.response("q")["code"]?.intValue == 400)

                // An agent that did not join the survey dialog may not publish into it or close it.
                try await SocketDriver.connect(
                    sandbox, path: SurveyAgentTests.brandPath(sandbox, bearer: stranger.bearer)
                ) { brandSocket in
                    let brand = FrameSorter(brandSocket)
                    try await brand.send(
                        #"{"kind":"req","id":"1","type":".ams.ms.PublishEvent","body":{"dialogId":"\#(surveyId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi"}}}"#
                    )
                    let refused = try await brand.response("1")
                    #expect(refused["code"]?.intValue == 403)
                    #expect(refused["body"]?.stringValue == "Agent is not a participant of dialog \(surveyId)")
                    try await brand.send(
                        #"{"kind":"req","id":"2","type":".ams.cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":[{"field":"DialogChange","type":"UPDATE","dialog":{"dialogId":"\#(surveyId)","state":"CLOSE"}}]}}"#
                    )
                    #expect(try await brand.response("2")["code"]?.intValue == 403)
                    try await brand.send(
                        #"{"kind":"req","id":"3","type":".ams.cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":[{"dialogId":"\#(surveyId)","field":"ParticipantsChange","type":"ADD","role":"READER"}]}}"#
                    )
                    let reader = try await brand.response("3")
                    #expect(reader["code"]?.intValue == 400)
                    #expect(
                        reader["body"]?.stringValue
                            == "ParticipantsChange on dialog \(surveyId) supports only role AGENT, not 'READER'")
                }
            }
        }
    }
}
