import Foundation
import HTTPTypes
import LivePersonAPI
import ShellTestSupport
import Testing

@testable import LivePersonSandbox

/// The Connector API pages' flow (Sentinel AppJWT → IdP ConsumerJWS → Send API) run with real curl (`Peers.curl`,
/// Debian bookworm's curl 7.88.1) against a sandbox on loopback, with an agent on the brand socket and, where the
/// pages imply one, the same consumer on a consumer socket.
@Suite(.timeLimit(.minutes(1)), .enabled(if: Peers.curl.isInstalled, "needs /usr/bin/curl (Debian's curl)"))
struct ConnectorAPITests {
    /// Logs `name` in on the brand socket, ONLINE and subscribed to routing tasks, then runs `body` with it.
    static func withOnlineAgent(
        _ sandbox: RunningSandbox, name: String = "alice",
        _ body: @escaping @Sendable (SocketDriver) async throws -> Void
    ) async throws {
        let agent = await sandbox.services.store.agentLogin(account: sandbox.account, loginName: name)
        try await SocketDriver.connect(sandbox, path: AgentSocketTests.brandPath(sandbox, bearer: agent.bearer)) {
            brand in
            try await brand.send(
                #"{"kind":"req","id":"1","type":".ams.routing.SetAgentState","body":{"channels":["MESSAGING"],"agentUserId":"\#(agent.userId)","availability":"ONLINE"}}"#
            )
            #expect(try await brand.next()?["code"]?.intValue == 202)
            try await brand.send(
                #"{"kind":"req","id":"2","type":".ams.routing.SubscribeRoutingTasks","body":{"brandId":"\#(sandbox.account)","agentId":"\#(agent.userId)","channelType":"MESSAGING"}}"#
            )
            _ = try await brand.next(ofType: ".ams.GenericSubscribe$Response")
            try await body(brand)
        }
    }

    /// The ring of `conversationId` (its `ringsDetails` entry), reading the routing notifications on the way.
    static func ring(of conversationId: String, on brand: SocketDriver) async throws -> WireJSON {
        while true {
            let frame = try await brand.next(ofType: ".ams.routing.RoutingTaskNotification")
            for change in frame["body"]?["changes"]?.elements ?? [] {
                for ring in change["result"]?["ringsDetails"]?.elements ?? []
                where ring["convId"]?.stringValue == conversationId && ring["ringState"]?.stringValue == "WAITING" {
                    return ring
                }
            }
        }
    }

    /// Reads frames until one carries a content event with `text` (whatever the notification's type and shape).
    static func message(_ text: String, on socket: SocketDriver) async throws -> WireJSON {
        while let frame = try await socket.next() {
            let events = [frame["body"]?["event"]] + (frame["body"]?["changes"]?.elements ?? []).map { $0["event"] }
            if events.contains(where: { $0?["message"]?.stringValue == text }) { return frame }
        }
        throw SocketDriver.SocketClosed(waitingFor: "the message '\(text)'", received: socket.received)
    }

    @Test func sendAPIRequestRingsTheAgentAndDeliversTheMessage() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await Self.withOnlineAgent(sandbox) { brand in
                let client = ConnectorClient(sandbox: sandbox)
                let appJWT = try await client.appJWT()
                let jws = try await client.consumerJWS(appJWT: appJWT, extConsumerId: "John_Doe_facebook12345")

                let opened = try await client.send(
                    #"{"kind":"req","id":"1","type":"cm.ConsumerRequestConversation","body":{"brandId":"\#(sandbox.account)","channelType":"MESSAGING"}}"#,
                    appJWT: appJWT, jws: jws)
                #expect(opened.status == 200, "\(opened)")
                #expect(opened.json?["code"]?.stringValue == "OK", "\(opened)")
                #expect(opened.json?["reqId"]?.stringValue == "1", "\(opened)")
                let conversationId = try #require(opened.json?["body"]?["conversationId"]?.stringValue, "\(opened)")

                let ring = try await Self.ring(of: conversationId, on: brand)
                #expect(ring["consumerId"]?.stringValue == (try ConnectorClient.lpConsumerId(jws)))
                let ringId = try #require(ring["ringId"]?.stringValue)
                try await brand.send(
                    #"{"kind":"req","id":"3","body":{"ringId":"\#(ringId)","ringState":"ACCEPTED"},"type":".ams.routing.UpdateRingState"}"#
                )

                let sent = try await client.send(
                    #"{"kind":"req","id":"1","type":"ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"Hi from Send Message only - Send a line"}}}"#,
                    appJWT: appJWT, jws: jws)
                #expect(sent.status == 200, "\(sent)")
                #expect(
                    sent.json
                        == .object([
                            "reqId": .string("1"), "code": .string("OK"), "body": .object(["sequence": .number(0)]),
                        ]),
                    "\(sent)")
                _ = try await Self.message("Hi from Send Message only - Send a line", on: brand)
            }
        }
    }

    @Test func conversationBatchSetsTheProfileAndOpensOneConversation() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            try await Self.withOnlineAgent(sandbox) { brand in
                let client = ConnectorClient(sandbox: sandbox)
                let appJWT = try await client.appJWT()
                let jws = try await client.consumerJWS(appJWT: appJWT, extConsumerId: "batch-consumer")
                let batch = #"""
                    [{"kind":"req","id":"1,","type":"userprofile.SetUserProfile","body":{"authenticatedData":{"lp_sdes":[{"type":"ctmrinfo","info":{"socialId":"1234567890","ctype":"vip"}},{"type":"personal","personal":{"firstname":"John","lastname":"Doe","gender":"MALE"}}]}}},
                     {"kind":"req","id":"2,","type":"cm.ConsumerRequestConversation","body":{"ttrDefName":"NORMAL","channelType":"MESSAGING","brandId":"\#(sandbox.account)"}}]
                    """#
                let answer = try await client.send(batch, appJWT: appJWT, jws: jws, batch: true)
                #expect(answer.status == 200, "\(answer)")
                let answers = try #require(answer.json?.elements, "\(answer)")
                try #require(answers.count == 2, "\(answer)")
                #expect(
                    answers[0]
                        == .object([
                            "reqId": .string("1,"), "code": .string("OK"),
                            "body": .object(["msg": .string("OK User Profile set successfully")]),
                        ]))
                #expect(answers[1]["reqId"]?.stringValue == "2,")
                let conversationId = try #require(answers[1]["body"]?["conversationId"]?.stringValue, "\(answer)")
                _ = try await Self.ring(of: conversationId, on: brand)

                let consumerId = try ConnectorClient.lpConsumerId(jws)
                let profile = await sandbox.services.store.consumerProfile(
                    account: sandbox.account, consumerId: consumerId)
                #expect(
                    profile?["authenticatedData"]?["lp_sdes"]?.elements.last?["personal"]?["firstname"]?.stringValue
                        == "John")

                // The same batch again: the profile is set, but the consumer already has an open conversation.
                let again = try await client.send(batch, appJWT: appJWT, jws: jws, batch: true)
                #expect(again.status == 400, "\(again)")
                #expect(again.json?.elements.first?["code"]?.stringValue == "OK", "\(again)")
                let refused = try #require(again.json?.elements.last, "\(again)")
                #expect(refused["code"]?.intValue == 400)
                #expect(refused["reqId"]?.stringValue == "2,")
                #expect(
                    refused["body"]?.stringValue == "Consumer already has an open conversation: \(conversationId)")
            }
        }
    }

    /// The ConsumerJWS's consumer is the one `authenticate` makes of an id_token whose `sub` is the same brand id:
    /// that consumer's socket sees the conversation the Send API opened, its messages, and its close.
    @Test func consumerSocketOfTheSameConsumerSeesTheSendAPIConversation() async throws {
        try await SandboxHarness.withSandbox({ $0.botEnabled = false }) { sandbox in
            let client = ConnectorClient(sandbox: sandbox)
            let appJWT = try await client.appJWT()
            let jws = try await client.consumerJWS(appJWT: appJWT, extConsumerId: "+972-3-5555-555")
            let header = Data(#"{"alg":"RS256","typ":"JWT"}"#.utf8).base64EncodedString()
            let claims = Data(#"{"sub":"+972-3-5555-555","iss":"https://brand.example","exp":4102444800}"#.utf8)
                .base64EncodedString()
            let idToken = "\(header).\(claims).c2ln".replacingOccurrences(of: "=", with: "")
            let authenticated = try await Curl.post(
                sandbox, "/api/account/\(sandbox.account)/authenticate", headers: ["Content-Type: application/json"],
                body: #"{"authCode":"\#(idToken)"}"#)
            let consumerJWT = try #require(authenticated.json?["jwt"]?.stringValue, "\(authenticated)")

            try await SocketDriver.connect(
                sandbox, path: SocketDriver.consumerPath(sandbox.account),
                headers: [.authorization: "jwt \(consumerJWT)"]
            ) { consumer in
                try await consumer.send(
                    #"{"kind":"req","id":"1","type":"cqm.SubscribeExConversations","body":{"convState":["OPEN"]}}"#)
                _ = try await consumer.next(ofType: "cqm.SubscribeExConversationsResponse")
                _ = try await consumer.next(ofType: "cqm.ExConversationChangeNotification")

                let opened = try await client.send(
                    #"{"kind":"req","id":"1","type":"cm.ConsumerRequestConversation","body":{"brandId":"\#(sandbox.account)"}}"#,
                    appJWT: appJWT, jws: jws)
                let conversationId = try #require(opened.json?["body"]?["conversationId"]?.stringValue, "\(opened)")
                let upsert = try await consumer.next(ofType: "cqm.ExConversationChangeNotification")
                #expect(
                    upsert["body"]?["changes"]?.elements.first?["result"]?["convId"]?.stringValue == conversationId)

                try await consumer.send(
                    #"{"kind":"req","id":"2","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"\#(conversationId)","fromSeq":0}}"#
                )
                _ = try await consumer.next(ofType: ".ams.GenericSubscribeResponse")
                _ = try await client.send(
                    #"{"kind":"req","id":"2","type":"ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"sent over REST"}}}"#,
                    appJWT: appJWT, jws: jws)
                let delivered = try await Self.message("sent over REST", on: consumer)
                #expect(
                    delivered["body"]?["changes"]?.elements.first?["originatorId"]?.stringValue
                        == (try ConnectorClient.lpConsumerId(jws)))

                let closed = try await client.send(
                    #"{"kind":"req","id":1,"body":{"conversationId":"\#(conversationId)","conversationField":{"field":"ConversationStateField","conversationState":"CLOSE"}},"type":"cm.UpdateConversationField"}"#,
                    appJWT: appJWT, jws: jws)
                #expect(closed.status == 200, "\(closed)")
                #expect(
                    closed.json?["body"] == .object(["msg": .string("OK Conversation resolved successfully")]),
                    "\(closed)")
                let gone = try await consumer.next(ofType: "cqm.ExConversationChangeNotification")
                #expect(gone["body"]?["changes"]?.elements.first?["type"]?.stringValue == "DELETE")
            }
        }
    }
}
