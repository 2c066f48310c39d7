import Foundation
import HTTPTypes
import LivePersonAPI
import Testing

@testable import LivePersonSandbox

/// Post-conversation surveys (spec §3.8) over the real sandbox: the frames of the PCS tutorial
/// (messaging-window-api-tutorials-post-conversation-survey-pcs) and of the legacy CSAT page in order, an agent's view
/// of the dialogs, `--no-survey`, and the refusals.
@Suite(.timeLimit(.minutes(1)))
struct SurveyTests {
    static let clientProperties =
        #"{"type":".ClientProperties","appId":"webAsync","integrationVersion":"3.0.5","integration":"WEB_SDK","features":["RICH_CONTENT","QUICK_REPLIES","MULTI_DIALOG"]}"#

    /// Connects a consumer the way the PCS tutorial's Step 3 does (JWT and Client-Properties headers).
    static func consumer(
        _ sandbox: RunningSandbox, sub: String, _ body: @escaping @Sendable (FrameSorter) async throws -> Void
    ) async throws {
        let headers: HTTPFields = [
            .authorization: "jwt \(sandbox.consumerToken(sub: sub))",
            HTTPField.Name("Client-Properties")!: clientProperties,
        ]
        try await SocketDriver.connect(sandbox, path: SocketDriver.consumerPath(sandbox.account), headers: headers) {
            try await body(FrameSorter($0))
        }
    }

    /// Steps 4–5: subscribe to the consumer's conversations (both stages and states), request a conversation, and
    /// wait until an agent (the built-in bot unless `agentAccepts` says otherwise) holds it.
    static func openConversation(_ socket: FrameSorter) async throws -> String {
        try await socket.send(
            #"{"kind":"req","id":"3","type":"cqm.SubscribeExConversations","body":{"stage":["OPEN","CLOSE"],"convState":["OPEN","CLOSE"]}}"#
        )
        #expect(try await socket.response("3")["type"]?.stringValue == "cqm.SubscribeExConversationsResponse")
        #expect(try await socket.conversationChange() == .null)
        try await socket.send(
            #"{"kind":"req","id":"0","type":"cm.ConsumerRequestConversation","body":{"channelType":"MESSAGING","ttrDefName":null,"campaignInfo":{"campaignId":418732213,"engagementId":425842913},"conversationContext":{"visitorId":"NmNDQ5OWU1MjM1NjBlZTAz","sessionId":"DHE_fICSTZ2gx5IsljFcwQ","interactionContextId":"1","type":"SharkContext","lang":"en-US"}}}"#
        )
        let conversationId = try #require(try await socket.response("0")["body"]?["conversationId"]?.stringValue)
        while true {
            let change = try await socket.conversationChange()
            let details = change["result"]?["conversationDetails"]
            if details?["participants"]?.elements.contains(where: { $0["role"]?.stringValue == "ASSIGNED_AGENT" })
                == true
            {
                return conversationId
            }
        }
    }

    /// Step 9: close the MAIN dialog with `DialogChange`; returns the conversation's details from the notification.
    static func closeMainDialog(_ socket: FrameSorter, _ conversationId: String) async throws -> WireJSON {
        try await socket.send(
            #"{"kind":"req","id":"2","type":"cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":{"field":"DialogChange","type":"UPDATE","dialog":{"dialogId":"\#(conversationId)","state":"CLOSE","closedCause":"Closed by consumer"}}}}"#
        )
        let answer = try await socket.response("2")
        #expect(answer["code"]?.intValue == 200)
        #expect(answer["body"]?.stringValue == "OK Conversation resolved successfully")
        return try #require(try await socket.conversationChange()["result"]?["conversationDetails"])
    }

    static func surveyDialogId(_ details: WireJSON) throws -> String {
        let dialog = details["dialogs"]?.elements.first { $0["dialogType"]?.stringValue == "POST_SURVEY" }
        return try #require(dialog?["dialogId"]?.stringValue)
    }

    /// Step 10: subscribe to the survey dialog; returns the greeting and the first question.
    static func subscribeSurvey(_ socket: FrameSorter, conversationId: String, surveyId: String) async throws
        -> (greeting: WireJSON, question: WireJSON)
    {
        try await socket.send(
            #"{"kind":"req","id":"2","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"\#(surveyId)","conversationId":"\#(conversationId)","fromSeq":0}}"#
        )
        #expect(try await socket.response("2")["code"]?.intValue == 200)
        return (try await socket.event(in: surveyId), try await socket.event(in: surveyId))
    }

    static func publish(
        _ id: String, _ dialogId: String, _ conversationId: String, event: String, metadata: String? = nil
    ) -> String {
        let tail = metadata.map { #","metadata":"# + $0 } ?? ""
        return
            #"{"kind":"req","id":"\#(id)","type":"ms.PublishEvent","body":{"dialogId":"\#(dialogId)","conversationId":"\#(conversationId)","event":\#(event)}\#(tail)}"#
    }

    static func text(_ message: String) -> String {
        #"{"type":"ContentEvent","contentType":"text/plain","message":"\#(message)"}"#
    }

    /// The `Answer` metadata of the question's button titled `title`.
    static func answer(_ question: WireJSON, _ title: String) throws -> String {
        let button = question["event"]?["quickReplies"]?["replies"]?.elements.first {
            $0["title"]?.stringValue == title
        }
        let metadata = try #require(button?["click"]?["metadata"])
        return FrameEncoder.encode(metadata)
    }

    // MARK: The PCS tutorial

    @Test func pcsTutorialFramesInOrder() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await Self.consumer(sandbox, sub: "pcs-consumer") { socket in
                let conversationId = try await Self.openConversation(socket)

                // Steps 7–8: subscribe to MAIN, talk to the (bot) agent.
                try await socket.send(
                    #"{"kind":"req","id":"2","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"\#(conversationId)","conversationId":"\#(conversationId)","fromSeq":0}}"#
                )
                _ = try await socket.response("2")
                try await socket.send(
                    Self.publish("4", conversationId, conversationId, event: Self.text("Hello from the consumer")))
                #expect(try await socket.response("4")["body"]?["sequence"]?.intValue == 0)
                var main: [WireJSON] = []
                while main.count < 4 { main.append(try await socket.event(in: conversationId)) }
                #expect(main.map { $0["sequence"]?.intValue } == [0, 1, 2, 3])

                // Step 9: stopped typing, then close MAIN.
                try await socket.send(
                    Self.publish(
                        "2", conversationId, conversationId,
                        event: #"{"type":"ChatStateEvent","chatState":"ACTIVE"}"#))
                #expect(try await socket.response("2")["code"]?.intValue == 200)
                let details = try await Self.closeMainDialog(socket, conversationId)
                #expect(details["state"]?.stringValue == "CLOSE")
                #expect(details["stage"]?.stringValue == "OPEN")
                #expect(details["closeReason"]?.stringValue == "CONSUMER")
                #expect(details["endTs"] == nil)
                #expect(details["brandId"]?.stringValue == sandbox.account)
                let roles = details["participants"]?.elements.compactMap { $0["role"]?.stringValue } ?? []
                #expect(Set(roles) == ["ASSIGNED_AGENT", "CONSUMER", "AGENT", "READER"])
                let dialogs = details["dialogs"]?.elements ?? []
                try #require(dialogs.count == 2)
                let mainDialog = dialogs[0]
                #expect(mainDialog["dialogId"]?.stringValue == conversationId)
                #expect(mainDialog["dialogType"]?.stringValue == "MAIN")
                #expect(mainDialog["channelType"]?.stringValue == "MESSAGING")
                #expect(mainDialog["state"]?.stringValue == "CLOSE")
                #expect(mainDialog["closedBy"]?.stringValue == "CONSUMER")
                #expect(mainDialog["closedCause"]?.stringValue == "Closed by consumer")
                let mainEnd = try #require(mainDialog["endTs"]?.intValue)
                #expect(mainDialog["metaDataLastUpdateTs"]?.intValue == mainEnd)
                let survey = dialogs[1]
                let surveyId = try #require(survey["dialogId"]?.stringValue)
                #expect(surveyId != conversationId)
                #expect(survey["dialogType"]?.stringValue == "POST_SURVEY")
                #expect(survey["channelType"]?.stringValue == "MESSAGING")
                #expect(survey["state"]?.stringValue == "OPEN")
                #expect(survey["metaData"]?["appInstallId"]?.stringValue == SurveyBot.appInstallId)
                #expect((survey["creationTs"]?.intValue ?? 0) >= mainEnd)
                #expect(survey["metaDataLastUpdateTs"]?.intValue != nil)
                #expect(survey["endTs"] == nil)
                #expect(
                    survey["participantsDetails"]?.elements.map { $0["role"]?.stringValue } == [
                        "CONSUMER", "AGENT", "READER",
                    ])
                #expect(survey["participantsDetails"]?.elements.first?["id"]?.stringValue == "pcs-consumer")

                // Step 10: the survey dialog's content.
                let (greeting, question) = try await Self.subscribeSurvey(
                    socket, conversationId: conversationId, surveyId: surveyId)
                #expect(greeting["sequence"]?.intValue == 0)
                #expect(greeting["event"]?["contentType"]?.stringValue == "text/plain")
                #expect(greeting["event"]?["message"]?.stringValue == SurveyBot.greeting)
                #expect(greeting["originatorId"]?.stringValue == SurveyBot.participant.id)
                #expect(greeting["originatorMetadata"]?["role"]?.stringValue == "AGENT")
                #expect(greeting["conversationId"]?.stringValue == conversationId)
                #expect(question["sequence"]?.intValue == 1)
                #expect(question["dialogId"]?.stringValue == surveyId)
                #expect(question["event"]?["quickReplies"]?["type"]?.stringValue == "quickReplies")
                let buttons = question["event"]?["quickReplies"]?["replies"]?.elements ?? []
                #expect(buttons.map { $0["title"]?.stringValue } == ["1", "2", "3", "4", "5", "Skip"])
                let questionMeta = try #require(question["metadata"]?.elements.first)
                #expect(questionMeta["type"]?.stringValue == "Question")
                let questionId = try #require(questionMeta["id"]?.stringValue)
                #expect(
                    buttons.compactMap { $0["click"]?["metadata"]?.elements.first?["questionId"]?.stringValue }
                        == Array(repeating: questionId, count: 6))
                #expect(
                    questionMeta["replies"]?.elements
                        == buttons.compactMap { $0["click"]?["metadata"]?.elements.first?["id"] })

                // Step 12: click "4" (ACTION with the button's metadata), then publish its text with it.
                let four = try Self.answer(question, "4")
                try await socket.send(
                    Self.publish(
                        "22", surveyId, conversationId,
                        event: #"{"type":"AcceptStatusEvent","status":"ACTION","sequenceList":[1]}"#, metadata: four))
                #expect(try await socket.response("22")["body"]?["sequence"]?.intValue == 2)
                let action = try await socket.event(in: surveyId)
                #expect(action["originatorMetadata"]?["role"]?.stringValue == "CONSUMER")
                #expect(action["event"]?["status"]?.stringValue == "ACTION")
                #expect(action["metadata"]?.elements.first?["questionId"]?.stringValue == questionId)
                try await socket.send(
                    Self.publish("3", surveyId, conversationId, event: Self.text("4"), metadata: four))
                #expect(try await socket.response("3")["body"]?["sequence"]?.intValue == 3)
                #expect(try await socket.event(in: surveyId)["event"]?["message"]?.stringValue == "4")
                let read = try await socket.event(in: surveyId)
                #expect(read["sequence"]?.intValue == 4)
                #expect(read["event"]?["status"]?.stringValue == "READ")
                #expect(read["event"]?["sequenceList"] == .array([.number(3)]))
                #expect(read["originatorMetadata"]?["role"]?.stringValue == "AGENT")
                let composing = try await socket.change("COMPOSING") {
                    $0["dialogId"]?.stringValue == surveyId && $0["event"]?["chatState"]?.stringValue == "COMPOSING"
                }
                #expect(composing["sequence"] == nil)
                let second = try await socket.event(in: surveyId)
                #expect(second["sequence"]?.intValue == 5)
                #expect(second["event"]?["message"]?.stringValue == SurveyBot.fcr.text)

                // The second question, answered by typing.
                try await socket.send(Self.publish("5", surveyId, conversationId, event: Self.text("yes")))
                #expect(try await socket.response("5")["body"]?["sequence"]?.intValue == 6)
                _ = try await socket.event(in: surveyId)  // the echo
                #expect(try await socket.event(in: surveyId)["event"]?["status"]?.stringValue == "READ")
                let thanks = try await socket.event(in: surveyId)
                #expect(thanks["event"]?["message"]?.stringValue == SurveyBot.thanks)

                // Survey completed: survey dialog and conversation closed, CSAT set.
                let closed = try #require(try await socket.conversationChange()["result"]?["conversationDetails"])
                #expect(closed["state"]?.stringValue == "CLOSE")
                #expect(closed["stage"]?.stringValue == "CLOSE")
                let closedSurvey = try #require(closed["dialogs"]?.elements.last)
                #expect(closedSurvey["dialogId"]?.stringValue == surveyId)
                #expect(closedSurvey["state"]?.stringValue == "CLOSE")
                #expect(closedSurvey["closedBy"]?.stringValue == "AGENT")
                #expect(closedSurvey["closedCause"]?.stringValue == "Completed")
                let end = try #require(closedSurvey["endTs"]?.intValue)
                #expect(closed["endTs"]?.intValue == end)
                #expect(closed["metaDataLastUpdateTs"]?.intValue == end)
                #expect(closed["csat"]?["csatRate"]?.intValue == 4)
                #expect(closed["csat"]?["csatResolutionConfirmation"] == .bool(true))
                #expect(closed["csat"]?["status"]?.stringValue == "FILLED")

                // Publishing into the closed survey is refused.
                try await socket.send(Self.publish("6", surveyId, conversationId, event: Self.text("late")))
                let late = try await socket.response("6")
                #expect(late["code"]?.intValue == 400)
                #expect(late["body"]?.stringValue == "Dialog \(surveyId) is closed")
            }
        }
    }
}
