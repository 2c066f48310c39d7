import Foundation
import HTTPTypes
import LivePersonAPI
import Testing

@testable import LivePersonSandbox

/// Survey dialogs on the brand socket: an agent sees them in `dialogs`, and an external survey bot takes one over with
/// the frames node-agent-sdk's `examples/survey-bot` sends (ParticipantsChange ADD AGENT on the dialog, DialogChange
/// UPDATE with a Survey metadata, publishes, DialogChange CLOSE with closedCause Completed).
@Suite(.timeLimit(.minutes(1)))
struct SurveyAgentTests {
    static func brandPath(_ sandbox: RunningSandbox, bearer: String) -> String {
        "/ws_api/account/\(sandbox.account)/messaging/brand/\(bearer)?v=2"
    }

    @Test func agentSeesSurveyDialogsAndAnExternalSurveyBotRunsOne() async throws {
        // A long bot delay: the built-in survey bot's greeting is still pending when the external bot takes over.
        try await SandboxHarness.withSandbox({ $0.botReplyDelay = .milliseconds(1200) }) { sandbox in
            let agent = await sandbox.services.store.agentLogin(account: sandbox.account, loginName: "surveyor")
            try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: agent.bearer)) {
                brandSocket in
                let brand = FrameSorter(brandSocket)
                try await brand.send(
                    #"{"kind":"req","id":"1","type":".ams.routing.SetAgentState","body":{"availability":"ONLINE"}}"#)
                _ = try await brand.response("1")
                try await brand.send(#"{"kind":"req","id":"2","type":".ams.routing.SubscribeRoutingTasks","body":{}}"#)
                _ = try await brand.response("2")
                try await brand.send(
                    #"{"kind":"req","id":"3","type":".ams.aam.SubscribeExConversations","body":{"stage":["OPEN"]}}"#)
                #expect(try await brand.response("3")["code"]?.intValue == 200)
                _ = try await brand.conversationChange()

                try await SurveyTests.consumer(sandbox, sub: "surveyed") { consumer in
                    try await consumer.send(
                        #"{"kind":"req","id":"3","type":"cqm.SubscribeExConversations","body":{"stage":["OPEN","CLOSE"],"convState":["OPEN","CLOSE"]}}"#
                    )
                    _ = try await consumer.response("3")
                    try await consumer.send(#"{"kind":"req","id":"0","type":"cm.ConsumerRequestConversation"}"#)
                    let conversationId = try #require(
                        try await consumer.response("0")["body"]?["conversationId"]?.stringValue)

                    let ring = try await brand.frame("ring") {
                        $0["type"]?.stringValue == ".ams.routing.RoutingTaskNotification"
                            && $0["body"]?["changes"]?.elements.isEmpty == false
                    }
                    let ringId = try #require(
                        ring["body"]?["changes"]?.elements.first?["result"]?["ringsDetails"]?.elements.first?["ringId"]?
                            .stringValue)
                    try await brand.send(
                        #"{"kind":"req","id":"4","type":".ams.routing.UpdateRingState","body":{"ringId":"\#(ringId)","ringState":"ACCEPTED"}}"#
                    )
                    #expect(try await brand.response("4")["code"]?.intValue == 202)

                    // The agent closes the MAIN dialog (the SDK README's "Close dialog" example; closing the whole
                    // conversation would skip the survey).
                    try await brand.send(
                        #"{"kind":"req","id":"5","type":".ams.cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":[{"field":"DialogChange","type":"UPDATE","dialog":{"dialogId":"\#(conversationId)","state":"CLOSE"}}]}}"#
                    )
                    #expect(try await brand.response("5")["code"]?.intValue == 200)
                    var details = try await Self.details(brand, conversationId) { $0["state"]?.stringValue == "CLOSE" }
                    #expect(details["stage"]?.stringValue == "OPEN")
                    let main = try #require(details["dialogs"]?.elements.first)
                    #expect(main["dialogType"]?.stringValue == "MAIN")
                    #expect(main["closedBy"]?.stringValue == "AGENT")
                    let survey = try #require(details["dialogs"]?.elements.last)
                    #expect(survey["dialogType"]?.stringValue == "POST_SURVEY")
                    #expect(survey["state"]?.stringValue == "OPEN")
                    #expect(survey["metaData"]?["appInstallId"]?.stringValue == SurveyBot.appInstallId)
                    #expect(
                        survey["participantsDetails"]
                            == .array([
                                .object([
                                    "id": .string("surveyed"), "role": .string("CONSUMER"), "state": .string("ACTIVE"),
                                ]),
                                .object([
                                    "id": .string(SurveyBot.participant.id), "role": .string("AGENT"),
                                    "state": .string("ACTIVE"),
                                ]),
                                .object([
                                    "id": .string(agent.legacyId), "role": .string("READER"),
                                    "state": .string("ACTIVE"),
                                ]),
                            ]))
                    // Every role of a dialog's participantsDetails is among the conversation's participants (the SDK
                    // maps the ones onto the others).
                    // (The brand socket's participants are a role → ids map; dialogs name agents `account.userId`.)
                    guard case .object(let byRole)? = details["participants"] else {
                        Issue.record("participants is not a role map: \(String(describing: details["participants"]))")
                        return
                    }
                    let roles = Set(byRole.keys)
                    #expect(roles.isSuperset(of: ["CONSUMER", "AGENT", "READER"]))
                    let surveyId = try #require(survey["dialogId"]?.stringValue)

                    // The SDK survey bot: join the dialog as AGENT, tag it with a Survey metadata, greet.
                    try await brand.send(
                        #"{"kind":"req","id":"6","type":".ams.cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":[{"dialogId":"\#(surveyId)","field":"ParticipantsChange","type":"ADD","role":"AGENT","userId":"\#(sandbox.account).\#(agent.userId)"}]}}"#
                    )
                    #expect(try await brand.response("6")["code"]?.intValue == 200)
                    details = try await Self.details(brand, conversationId) { _ in true }
                    #expect(
                        details["dialogs"]?.elements.last?["participantsDetails"]?.elements.map {
                            $0["id"]?.stringValue
                        }
                            == ["surveyed", agent.legacyId, agent.legacyId])
                    try await brand.send(
                        #"{"kind":"req","id":"7","type":".ams.cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":[{"field":"DialogChange","type":"UPDATE","dialog":{"dialogId":"\#(surveyId)"}}]},"metadata":[{"type":"Survey","id":"123","revision":"1.0","provider":"External"}]}"#
                    )
                    #expect(try await brand.response("7")["code"]?.intValue == 200)
                    try await brand.send(
                        #"{"kind":"req","id":"8","type":".ams.ms.PublishEvent","body":{"dialogId":"\#(surveyId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"Welcome Visitor! I'm Survey Bot!"}}}"#
                    )
                    #expect(try await brand.response("8")["body"]?["sequence"]?.intValue == 0)

                    // The consumer sees the external bot's greeting in the survey dialog.
                    try await consumer.send(
                        #"{"kind":"req","id":"9","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"\#(surveyId)","conversationId":"\#(conversationId)","fromSeq":0}}"#
                    )
                    _ = try await consumer.response("9")
                    let welcome = try await consumer.event(in: surveyId)
                    #expect(welcome["originatorId"]?.stringValue == agent.userPid)
                    #expect(welcome["originatorMetadata"]?["role"]?.stringValue == "AGENT")
                    #expect(welcome["conversationId"]?.stringValue == conversationId)

                    // The consumer answers; the agent, not subscribed, gets it as OnlineEventDistribution.
                    try await consumer.send(
                        SurveyTests.publish("10", surveyId, conversationId, event: SurveyTests.text("great")))
                    #expect(try await consumer.response("10")["body"]?["sequence"]?.intValue == 1)
                    let distributed = try await brand.frame("the consumer's answer") {
                        $0["type"]?.stringValue == UMSType.onlineEventDistribution
                            && $0["body"]?["originatorPId"]?.stringValue == "surveyed"
                    }
                    #expect(distributed["body"]?["dialogId"]?.stringValue == surveyId)
                    #expect(distributed["body"]?["event"]?["message"]?.stringValue == "great")

                    // READ and the SDK example's ENRICH report, then close the survey as Completed.
                    try await brand.send(
                        #"{"kind":"req","id":"11","type":".ams.ms.PublishEvent","body":{"conversationId":"\#(conversationId)","dialogId":"\#(surveyId)","event":{"type":"AcceptStatusEvent","status":"READ","sequenceList":[1]}}}"#
                    )
                    #expect(try await brand.response("11")["body"]?["sequence"]?.intValue == 2)
                    try await brand.send(
                        #"{"kind":"req","id":"12","type":".ams.ms.PublishEvent","body":{"conversationId":"\#(conversationId)","dialogId":"\#(surveyId)","event":{"type":"AcceptStatusEvent","status":"ENRICH","sequenceList":[1]}},"metadata":[{"type":"InvalidAnswer","questionId":"1","surveyId":"123","provider":"External"}]}"#
                    )
                    #expect(try await brand.response("12")["body"]?["sequence"]?.intValue == 3)
                    // Past the bot delay: the built-in survey bot, replaced, said nothing.
                    try await Task.sleep(for: .milliseconds(1400))
                    try await brand.send(
                        #"{"kind":"req","id":"13","type":".ams.cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":[{"field":"DialogChange","type":"UPDATE","dialog":{"dialogId":"\#(surveyId)","state":"CLOSE","closedBy":"AGENT","closedCause":"Completed"}}]}}"#
                    )
                    #expect(try await brand.response("13")["code"]?.intValue == 200)
                    // Stage CLOSE: the agent's stage-OPEN subscription drops the conversation.
                    var gone = try await brand.conversationChange()
                    while gone["type"]?.stringValue == "UPSERT" { gone = try await brand.conversationChange() }
                    #expect(gone["type"]?.stringValue == "DELETE")
                    #expect(gone["result"]?["conversationDetails"]?["stage"]?.stringValue == "CLOSE")

                    let closed = try await Self.details(consumer, conversationId) {
                        $0["stage"]?.stringValue == "CLOSE"
                    }
                    let closedSurvey = try #require(closed["dialogs"]?.elements.last)
                    #expect(closedSurvey["closedBy"]?.stringValue == "AGENT")
                    #expect(closedSurvey["closedCause"]?.stringValue == "Completed")
                    #expect(closed["csat"] == nil)

                    try await consumer.send(
                        #"{"kind":"req","id":"14","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"\#(surveyId)","fromSeq":0}}"#
                    )
                    _ = try await consumer.response("14")
                    let backlog = try await consumer.frame("backlog") {
                        $0["type"]?.stringValue == UMSType.messagingEventNotification
                            && ($0["body"]?["changes"]?.elements.count ?? 0) >= 4
                    }
                    #expect(
                        backlog["body"]?["changes"]?.elements.contains {
                            $0["originatorId"]?.stringValue == SurveyBot.participant.id
                        } == false)
                }
            }
        }
    }

    /// The conversation details of the next ExConversation change about `conversationId` that satisfies `predicate`.
    static func details(_ socket: FrameSorter, _ conversationId: String, _ predicate: (WireJSON) -> Bool)
        async throws -> WireJSON
    {
        while true {
            let change = try await socket.conversationChange()
            guard change["result"]?["convId"]?.stringValue == conversationId,
                let details = change["result"]?["conversationDetails"], predicate(details)
            else { continue }
            return details
        }
    }
}
