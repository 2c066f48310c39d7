import HTTPTypes
import LivePersonAPI
import Testing
import WSClient
import WSCore

@testable import LivePersonSandbox

@Suite(.timeLimit(.minutes(1)))
struct AgentSocketTests {
    static func brandPath(_ sandbox: RunningSandbox, bearer: String) -> String {
        "/ws_api/account/\(sandbox.account)/messaging/brand/\(bearer)?v=2"
    }

    @Test func humanAgentAcceptsAndAnswers() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let agent = await sandbox.services.store.agentLogin(account: sandbox.account, loginName: "alice")
            try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: agent.bearer)) { brand in
                try await brand.send(#"{"kind":"req","id":"2","type":".ams.userprofile.GetUserProfile","body":{}}"#)
                let profile = try #require(try await brand.next())
                #expect(profile["type"]?.stringValue == ".ams.userprofile.GetUserProfile$Response")
                #expect(profile["body"]?["userId"]?.stringValue == "\(sandbox.account).\(agent.userId)")

                try await brand.send(
                    #"{"kind":"req","id":"3","type":".ams.routing.SetAgentState","body":{"channels":["MESSAGING"],"agentUserId":"\#(agent.userId)","availability":"ONLINE"}}"#
                )
                let state = try #require(try await brand.next())
                #expect(state["code"]?.intValue == 202)
                #expect(state["body"]?.stringValue == "Agent state updated successfully")

                try await brand.send(
                    #"{"kind":"req","id":"4","type":".ams.routing.SubscribeRoutingTasks","body":{"brandId":"\#(sandbox.account)","agentId":"\#(agent.userId)","channelType":"MESSAGING"}}"#
                )
                let routing = try #require(try await brand.next())
                #expect(routing["type"]?.stringValue == ".ams.GenericSubscribe$Response")
                let empty = try #require(try await brand.next())
                #expect(empty["type"]?.stringValue == ".ams.routing.RoutingTaskNotification")
                #expect(empty["body"]?["changes"] == .array([]))

                try await brand.send(#"{"kind":"req","id":"5","type":".ams.aam.SubscribeExConversations","body":{}}"#)
                _ = try await brand.next(ofType: "cqm.SubscribeExConversationsResponse")
                _ = try await brand.next(ofType: "cqm.ExConversationChangeNotification")

                try await SocketDriver.connect(
                    sandbox, path: SocketDriver.consumerPath(sandbox.account),
                    headers: [.authorization: "jwt \(sandbox.consumerToken(sub: "bob"))"]
                ) { consumer in
                    try await consumer.send(#"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#)
                    let conversationId = try #require(
                        try await consumer.next()?["body"]?["conversationId"]?.stringValue)

                    let ring = try await brand.next(ofType: ".ams.routing.RoutingTaskNotification")
                    let details = try #require(
                        ring["body"]?["changes"]?.elements.first?["result"]?["ringsDetails"]?.elements.first)
                    #expect(details["ringState"]?.stringValue == "WAITING")
                    #expect(details["convId"]?.stringValue == conversationId)
                    #expect(details["consumerId"]?.stringValue == "bob")
                    let ringId = try #require(details["ringId"]?.stringValue)

                    try await brand.send(
                        #"{"kind":"req","id":4,"body":{"ringId":"\#(ringId)","ringState":"ACCEPTED"},"type":".ams.routing.UpdateRingState"}"#
                    )
                    let accepted = try await brand.next(ofType: ".ReqBody$StringResp")
                    #expect(accepted["code"]?.intValue == 202)
                    #expect(accepted["body"]?.stringValue == "Ring state updated successfully")

                    try await consumer.send(
                        #"{"kind":"req","id":"22","body":{"fromSeq":0,"dialogId":"\#(conversationId)"},"type":"ms.SubscribeMessagingEvents"}"#
                    )
                    _ = try await consumer.next(ofType: ".ams.GenericSubscribeResponse")
                    _ = try await consumer.next(ofType: "ms.MessagingEventNotification")
                    try await consumer.send(
                        #"{"kind":"req","id":2,"type":"ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"hello agent"}}}"#
                    )
                    _ = try await consumer.next(ofType: "ms.PublishEventResponse")
                    _ = try await consumer.next(ofType: "ms.MessagingEventNotification")

                    let distributed = try await brand.next(ofType: "ms.OnlineEventDistribution")
                    #expect(distributed["body"]?["originatorPId"]?.stringValue == "bob")
                    #expect(distributed["body"]?["event"]?["message"]?.stringValue == "hello agent")

                    try await brand.send(
                        #"{"kind":"req","id":6,"type":"ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"Response from agent"}}}"#
                    )
                    let ack = try await brand.next(ofType: "ms.PublishEventResponse")
                    #expect(ack["body"]?["sequence"]?.intValue == 1)
                    let reply = try await consumer.next(ofType: "ms.MessagingEventNotification")
                    let change = try #require(reply["body"]?["changes"]?.elements.first)
                    #expect(change["event"]?["message"]?.stringValue == "Response from agent")
                    #expect(change["originatorId"]?.stringValue == agent.userPid)
                    #expect(change["originatorMetadata"]?["role"]?.stringValue == "ASSIGNED_AGENT")

                    try await brand.send(
                        #"{"kind":"req","id":1,"body":{"conversationId":"\#(conversationId)","conversationField":{"field":"ConversationStateField","conversationState":"CLOSE"}},"type":"cm.UpdateConversationField"}"#
                    )
                    #expect(try await brand.next(ofType: ".ReqBody$StringResp")["code"]?.intValue == 200)
                }
            }
        }
    }

    @Test func unknownBearerIsRefused() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            await #expect(throws: (any Error).self) {
                try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: "nope")) { _ in }
            }
        }
    }
}
