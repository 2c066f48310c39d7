import Foundation
import HTTPTypes
import LivePersonAPI
import ShellTestSupport
import Testing
import WSClient
import WSCore

@testable import LivePersonSandbox

/// The brand socket as LivePerson's Node.js agent SDK (node-agent-sdk 1.4.11) drives it: the frames below are the
/// ones its `lib/` sends after its `Transformer` (`.ams.`-prefixed types, `agentIds`/`agentUserId` in the old
/// `account.userId` form, `GetUserProfile` with the consumer id as the whole body, `subscribeMessagingEvents` sent as
/// `.ams.ms.QueryMessages`), and the checks are what its `Transformer` and example bots read from the answers.
/// Written from reading the SDK; none of its code is used.
@Suite(.timeLimit(.minutes(1)))
struct AgentSDKProtocolTests {
    /// The SDK's default API version is 2.1.
    static func brandPath(_ sandbox: RunningSandbox, bearer: String, version: String = "2.1") -> String {
        "/ws_api/account/\(sandbox.account)/messaging/brand/\(bearer)?v=\(version)"
    }

    static func noBot(_ configuration: inout SandboxConfiguration) {
        configuration.botEnabled = false
    }

    /// A consumer socket for `sub` that has requested a conversation; `body` gets the socket and the conversation id.
    static func withConversation(
        _ sandbox: RunningSandbox, consumer sub: String,
        _ body: @escaping @Sendable (SocketDriver, String) async throws -> Void
    ) async throws {
        try await SocketDriver.connect(
            sandbox, path: SocketDriver.consumerPath(sandbox.account),
            headers: [.authorization: "jwt \(sandbox.consumerToken(sub: sub))"]
        ) { consumer in
            try await consumer.send(#"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#)
            let conversationId = try #require(try await consumer.next()?["body"]?["conversationId"]?.stringValue)
            try await consumer.send(
                #"{"kind":"req","id":2,"type":"ms.SubscribeMessagingEvents","body":{"dialogId":"\#(conversationId)","fromSeq":0}}"#
            )
            _ = try await consumer.next(ofType: ".ams.GenericSubscribeResponse")
            _ = try await consumer.next(ofType: "ms.MessagingEventNotification")
            try await body(consumer, conversationId)
        }
    }

    /// The SDK's `onConnected` of `MyCoolAgent`: online, its own conversations, routing tasks.
    static func connectLikeMyCoolAgent(_ brand: SocketDriver, agent: AgentSession, account: String) async throws {
        try await brand.send(
            #"{"kind":"req","id":"a1","type":".ams.routing.SetAgentState","body":{"availability":"ONLINE","channels":["MESSAGING"],"agentUserId":"\#(agent.legacyId)"}}"#
        )
        #expect(try await brand.next(ofType: ".ReqBody$StringResp")["code"]?.intValue == 202)
        try await brand.send(
            #"{"kind":"req","id":"a2","type":".ams.aam.SubscribeExConversations","body":{"agentIds":["\#(agent.legacyId)"],"convState":["OPEN"]}}"#
        )
        let subscribed = try await brand.next()
        #expect(subscribed?["body"]?["subscriptionId"]?.stringValue != nil)
        let initial = try await brand.next(ofType: ".ams.aam.ExConversationChangeNotification")
        #expect(initial["body"]?["changes"] == .array([]))
        try await brand.send(
            #"{"kind":"req","id":"a3","type":".ams.routing.SubscribeRoutingTasks","body":{"channelType":"MESSAGING","agentId":"\#(agent.legacyId)","brandId":"\#(account)"}}"#
        )
        _ = try await brand.next(ofType: ".ams.GenericSubscribe$Response")
        _ = try await brand.next(ofType: ".ams.routing.RoutingTaskNotification")
    }

    /// Reads the consumer's notifications until a message in `dialogId` contains `text`.
    static func waitForMessage(_ consumer: SocketDriver, in dialogId: String, containing text: String) async throws {
        while true {
            let frame = try await consumer.next(ofType: "ms.MessagingEventNotification")
            let changes = frame["body"]?["changes"]?.elements ?? []
            if changes.contains(where: {
                $0["dialogId"]?.stringValue == dialogId
                    && $0["event"]?["message"]?.stringValue?.contains(text) == true
            }) {
                return
            }
        }
    }

    /// Accepts the next ring, as `MyCoolAgent.onRoutingTask` does; returns the conversation's first UPSERT.
    static func acceptRing(_ brand: SocketDriver) async throws -> WireJSON {
        var ring = try await brand.next(ofType: ".ams.routing.RoutingTaskNotification")
        // A new routing subscription's first notification has no changes.
        while ring["body"]?["changes"] == .array([]) {
            ring = try await brand.next(ofType: ".ams.routing.RoutingTaskNotification")
        }
        let details = try #require(ring["body"]?["changes"]?.elements.first?["result"]?["ringsDetails"]?.elements.first)
        #expect(details["ringState"]?.stringValue == "WAITING")
        let ringId = try #require(details["ringId"]?.stringValue)
        try await brand.send(
            #"{"kind":"req","id":"r1","type":".ams.routing.UpdateRingState","body":{"ringId":"\#(ringId)","ringState":"ACCEPTED"}}"#
        )
        return try await brand.next(ofType: ".ams.aam.ExConversationChangeNotification")
    }

    @Test func csdsNamesTheBrandSocketHostAsFacadeMsg() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let services = sandbox.services.baseURIs(account: sandbox.account)
            let facade = try #require(services.first { $0.service == "facadeMsg" })
            #expect(facade.baseURI == services.first { $0.service == "asyncMessagingEnt" }?.baseURI)
        }
    }

    @Test func anUnknownBearerIsRefusedWith401BeforeTheUpgrade() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let connection = try await RawConnection.open(port: sandbox.port)
            let upgrade =
                "GET \(Self.brandPath(sandbox, bearer: "0badbeef")) HTTP/1.1\r\nHost: localhost\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n"
            let answer = try await connection.exchange(Array(upgrade.utf8), readingFor: 5)
            #expect(answer.text.hasPrefix("HTTP/1.1 401 Unauthorized\r\n"), "\(answer.text)")
            #expect(answer.text.contains("unknown or expired bearer"))

            let agent = await sandbox.services.store.agentLogin(account: sandbox.account, loginName: "alice")
            let otherAccount = try await RawConnection.open(port: sandbox.port)
            let wrongAccount = upgrade.replacingOccurrences(of: "0badbeef", with: agent.bearer)
                .replacingOccurrences(of: "/account/\(sandbox.account)/", with: "/account/other/")
            let refused = try await otherAccount.exchange(Array(wrongAccount.utf8), readingFor: 5)
            #expect(refused.text.hasPrefix("HTTP/1.1 401 Unauthorized\r\n"), "\(refused.text)")
            #expect(refused.text.contains("belongs to account \(sandbox.account)"))

            _ = try await sandbox.services.store.agentLogout(bearer: agent.bearer)
            let loggedOut = try await RawConnection.open(port: sandbox.port)
            let afterLogout = try await loggedOut.exchange(
                Array(upgrade.replacingOccurrences(of: "0badbeef", with: agent.bearer).utf8), readingFor: 5)
            #expect(afterLogout.text.hasPrefix("HTTP/1.1 401 Unauthorized\r\n"), "\(afterLogout.text)")
        }
    }

    @Test func myCoolAgentFlowFromRingToReply() async throws {
        try await SandboxHarness.withSandbox(Self.noBot) { sandbox in
            let agent = await sandbox.services.store.agentLogin(account: sandbox.account, loginName: "echo")
            try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: agent.bearer)) { brand in
                try await Self.connectLikeMyCoolAgent(brand, agent: agent, account: sandbox.account)
                try await Self.withConversation(sandbox, consumer: "carol") { consumer, conversationId in
                    try await consumer.send(
                        #"{"kind":"req","id":3,"type":"userprofile.SetUserProfile","body":{"firstName":"Carol","lastName":"Jones","privateData":{"mobileNum":"555-0100","mail":"carol@example.com"}}}"#
                    )
                    #expect(try await consumer.next(ofType: ".ReqBody$StringResp")["code"]?.intValue == 200)

                    let upsert = try await Self.acceptRing(brand)
                    let change = try #require(upsert["body"]?["changes"]?.elements.first)
                    #expect(change["type"]?.stringValue == "UPSERT")
                    let details = try #require(change["result"]?["conversationDetails"])
                    // What node-agent-sdk's Transformer reads: participants (old ids) and participantsPId by role.
                    #expect(details["participants"]?["ASSIGNED_AGENT"] == .array([.string(agent.legacyId)]))
                    #expect(details["participants"]?["CONSUMER"] == .array([.string("carol")]))
                    #expect(details["participantsPId"]?["ASSIGNED_AGENT"] == .array([.string(agent.userPid)]))
                    let dialog = try #require(details["dialogs"]?.elements.first)
                    #expect(dialog["channelType"]?.stringValue == "MESSAGING")
                    let states = dialog["participantsDetails"]?.elements.map { $0["state"]?.stringValue }
                    #expect(states == ["ACTIVE", "ACTIVE"])
                    #expect(details["convId"]?.stringValue == conversationId)

                    try await brand.send(
                        #"{"kind":"req","id":"p1","type":".ams.userprofile.GetUserProfile","body":"carol"}"#)
                    let profile = try await brand.next(ofType: ".ams.userprofile.GetUserProfile$Response")
                    #expect(profile["body"]?["firstName"]?.stringValue == "Carol")
                    #expect(profile["body"]?["privateData"]?["mobileNum"]?.stringValue == "555-0100")

                    try await consumer.send(
                        #"{"kind":"req","id":4,"type":"ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"hello agent"}}}"#
                    )
                    let online = try await brand.next(ofType: ".ams.ms.OnlineEventDistribution")
                    let body = try #require(online["body"])
                    #expect(body["originatorId"]?.stringValue == "carol")
                    #expect(body["originatorPId"]?.stringValue == "carol")
                    #expect(body["originatorMetadata"]?["role"]?.stringValue == "CONSUMER")
                    #expect(body["conversationId"]?.stringValue == conversationId)
                    #expect(body["dialogId"]?.stringValue == conversationId)
                    #expect(body["event"]?["message"]?.stringValue == "hello agent")
                    let sequence = try #require(body["sequence"]?.intValue)

                    // subscribeMessagingEvents({dialogId}) goes out as QueryMessages with newerThanSequence 0.
                    try await brand.send(
                        #"{"kind":"req","id":"q1","type":".ams.ms.QueryMessages","body":{"dialogId":"\#(conversationId)","newerThanSequence":0}}"#
                    )
                    let history = try await brand.next(ofType: ".ams.ms.QueryMessages$Response")
                    let events = history["body"]?.elements ?? []
                    #expect(events.map { $0["sequence"]?.intValue } == [sequence])
                    #expect(events.first?["originatorPId"]?.stringValue == "carol")

                    try await brand.send(
                        #"{"kind":"req","id":"m1","type":".ams.ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"echo : hello agent"}}}"#
                    )
                    let own = try await brand.next(ofType: ".ams.ms.OnlineEventDistribution")
                    // The SDK tells its own messages apart by originatorId == `account.userId`.
                    #expect(own["body"]?["originatorId"]?.stringValue == agent.legacyId)
                    #expect(own["body"]?["originatorPId"]?.stringValue == agent.userPid)
                    let seen = try await consumer.next(ofType: "ms.MessagingEventNotification")
                    #expect(seen["body"]?["changes"]?.elements.first?["event"]?["message"] != nil)
                }
            }
        }
    }

    /// The whole life of a conversation as the SDK's bots and a consumer drive it: connect, ring, accept, greet,
    /// consumer message, reply, transfer to a skill, the second agent's accept and reply, MAIN dialog closed by the
    /// agent, the survey dialog on both sides, the consumer's answers, the conversation's end.
    @Test func connectRingAcceptGreetMessageReplyTransferCloseSurvey() async throws {
        try await SandboxHarness.withSandbox(Self.noBot) { sandbox in
            let store = sandbox.services.store
            let first = await store.agentLogin(account: sandbox.account, loginName: "first-line")
            let second = await store.agentLogin(account: sandbox.account, loginName: "second-line")
            try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: first.bearer)) { one in
                try await Self.connectLikeMyCoolAgent(one, agent: first, account: sandbox.account)
                try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: second.bearer)) { two in
                    // Second line is OCCUPIED: it takes transfers only, so the first ring goes to first line.
                    try await Self.connectLikeMyCoolAgent(two, agent: second, account: sandbox.account)
                    try await two.send(
                        #"{"kind":"req","id":"o","type":".ams.routing.SetAgentState","body":{"availability":"OCCUPIED","channels":["MESSAGING"],"agentUserId":"\#(second.legacyId)"}}"#
                    )
                    _ = try await two.next(ofType: ".ReqBody$StringResp")
                    try await Self.withConversation(sandbox, consumer: "ivy") { consumer, conversationId in
                        _ = try await Self.acceptRing(one)
                        try await one.send(
                            #"{"kind":"req","id":"w","type":".ams.ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"Just joined"}}}"#
                        )
                        _ = try await one.next(ofType: "ms.PublishEventResponse")
                        try await consumer.send(
                            #"{"kind":"req","id":5,"type":"ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"my order is late"}}}"#
                        )
                        let asked = try await one.next(ofType: ".ams.ms.OnlineEventDistribution")
                        if asked["body"]?["event"]?["message"]?.stringValue == "Just joined" {
                            _ = try await one.next(ofType: ".ams.ms.OnlineEventDistribution")
                        }
                        // First line goes away and transfers the conversation to the orders skill.
                        try await one.send(
                            #"{"kind":"req","id":"a","type":".ams.routing.SetAgentState","body":{"availability":"AWAY","channels":["MESSAGING"],"agentUserId":"\#(first.legacyId)"}}"#
                        )
                        _ = try await one.next(ofType: ".ReqBody$StringResp")
                        try await one.send(
                            #"{"kind":"req","id":"x","type":".ams.cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":[{"field":"ParticipantsChange","type":"REMOVE","role":"ASSIGNED_AGENT"},{"field":"Skill","type":"UPDATE","skill":"orders"}]}}"#
                        )
                        #expect(try await one.next(ofType: ".ReqBody$StringResp")["code"]?.intValue == 200)
                        // OCCUPIED takes no new conversations; the transfer goes to second line once it is online.
                        try await two.send(
                            #"{"kind":"req","id":"on","type":".ams.routing.SetAgentState","body":{"availability":"ONLINE","channels":["MESSAGING"],"agentUserId":"\#(second.legacyId)"}}"#
                        )
                        _ = try await two.next(ofType: ".ReqBody$StringResp")
                        try await two.send(
                            #"{"kind":"req","id":"rs","type":".ams.routing.SubscribeRoutingTasks","body":{"channelType":"MESSAGING","agentId":"\#(second.legacyId)","brandId":"\#(sandbox.account)"}}"#
                        )
                        _ = try await Self.acceptRing(two)
                        try await two.send(
                            #"{"kind":"req","id":"q","type":".ams.ms.QueryMessages","body":{"dialogId":"\#(conversationId)","newerThanSequence":0}}"#
                        )
                        let history = try await two.next(ofType: ".ams.ms.QueryMessages$Response")
                        #expect(
                            history["body"]?.elements.compactMap { $0["event"]?["message"]?.stringValue } == [
                                "Just joined", "my order is late",
                            ])
                        try await two.send(
                            #"{"kind":"req","id":"r","type":".ams.ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"it ships today"}}}"#
                        )
                        _ = try await two.next(ofType: "ms.PublishEventResponse")
                        while true {
                            let seen = try await consumer.next(ofType: "ms.MessagingEventNotification")
                            let messages = seen["body"]?["changes"]?.elements.map { $0["event"]?["message"] }
                            if messages?.contains(.string("it ships today")) == true { break }
                        }

                        // Second line closes the MAIN dialog: the survey dialog opens on both sides.
                        try await two.send(
                            #"{"kind":"req","id":"c","type":".ams.cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":[{"field":"DialogChange","type":"UPDATE","dialog":{"dialogId":"\#(conversationId)","state":"CLOSE"}}]}}"#
                        )
                        #expect(try await two.next(ofType: ".ReqBody$StringResp")["code"]?.intValue == 200)
                        let closed = try await two.next(ofType: ".ams.aam.ExConversationChangeNotification")
                        let change = try #require(closed["body"]?["changes"]?.elements.first)
                        let details = change["result"]?["conversationDetails"]
                        #expect(details?["state"]?.stringValue == "CLOSE")
                        #expect(details?["stage"]?.stringValue == "OPEN")
                        let survey = try #require(
                            details?["dialogs"]?.elements.first { $0["dialogType"]?.stringValue == "POST_SURVEY" })
                        let surveyId = try #require(survey["dialogId"]?.stringValue)
                        #expect(survey["state"]?.stringValue == "OPEN")

                        try await consumer.send(
                            #"{"kind":"req","id":6,"type":"ms.SubscribeMessagingEvents","body":{"dialogId":"\#(surveyId)","conversationId":"\#(conversationId)","fromSeq":0}}"#
                        )
                        _ = try await consumer.next(ofType: ".ams.GenericSubscribeResponse")
                        // Each question is answered once it has been asked; the survey then thanks and ends.
                        for (id, question, answer) in [(7, "overall experience", "5"), (8, "issue resolved", "yes")] {
                            try await Self.waitForMessage(consumer, in: surveyId, containing: question)
                            try await consumer.send(
                                #"{"kind":"req","id":\#(id),"type":"ms.PublishEvent","body":{"dialogId":"\#(surveyId)","conversationId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"\#(answer)"}}}"#
                            )
                        }
                        try await Self.waitForMessage(consumer, in: surveyId, containing: "Thank you")
                        // The agent sees the conversation's end, with the CSAT answered.
                        try await two.send(
                            #"{"kind":"req","id":"e","type":".ams.aam.SubscribeExConversations","body":{"convState":["CLOSE"],"stage":["CLOSE"]}}"#
                        )
                        let ended = try await two.next(ofType: ".ams.aam.ExConversationChangeNotification")
                        let result = ended["body"]?["changes"]?.elements.first {
                            $0["result"]?["convId"]?.stringValue == conversationId
                        }?["result"]
                        #expect(result?["conversationDetails"]?["stage"]?.stringValue == "CLOSE", "\(ended)")
                        #expect(result?["conversationDetails"]?["csatRate"]?.intValue == 5)
                    }
                }
            }
        }
    }

    @Test func agentIdsLimitASubscriptionToTheAgentsOwnConversations() async throws {
        try await SandboxHarness.withSandbox(Self.noBot) { sandbox in
            let store = sandbox.services.store
            let alice = await store.agentLogin(account: sandbox.account, loginName: "alice")
            let bob = await store.agentLogin(account: sandbox.account, loginName: "bob")
            try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: alice.bearer)) {
                aliceSocket in
                try await Self.connectLikeMyCoolAgent(aliceSocket, agent: alice, account: sandbox.account)
                try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: bob.bearer)) {
                    bobSocket in
                    // Bob watches only his own conversations (by participant id: the SDK form before its transform).
                    try await bobSocket.send(
                        #"{"kind":"req","id":"b1","type":".ams.aam.SubscribeExConversations","body":{"agentIds":["\#(bob.userPid)"],"convState":["OPEN"]}}"#
                    )
                    _ = try await bobSocket.next(ofType: ".ams.aam.ExConversationChangeNotification")
                    try await Self.withConversation(sandbox, consumer: "dave") { _, conversationId in
                        _ = try await Self.acceptRing(aliceSocket)
                        // Whatever the accept sent Bob is in his socket before the answer to a later request.
                        try await bobSocket.send(#"{"kind":"req","id":"b2","type":".GetClock","body":{}}"#)
                        _ = try await bobSocket.next(ofType: ".GetClock$Response")
                        #expect(!bobSocket.received.contains { $0.contains(conversationId) }, "\(bobSocket.received)")
                        // A manager's subscription (no agentIds) sees it.
                        try await bobSocket.send(
                            #"{"kind":"req","id":"b3","type":".ams.aam.SubscribeExConversations","body":{"convState":["OPEN"]}}"#
                        )
                        let all = try await bobSocket.next(ofType: ".ams.aam.ExConversationChangeNotification")
                        #expect(
                            all["body"]?["changes"]?.elements.map { $0["result"]?["convId"]?.stringValue } == [
                                conversationId
                            ])
                    }
                }
            }
        }
    }

    @Test func aManagerJoinsThenGreetsAndAReaderCannotWrite() async throws {
        try await SandboxHarness.withSandbox(Self.noBot) { sandbox in
            let store = sandbox.services.store
            let greeter = await store.agentLogin(account: sandbox.account, loginName: "greeter")
            let reader = await store.agentLogin(account: sandbox.account, loginName: "reader")
            try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: greeter.bearer)) { brand in
                // greeting-bot: AWAY, all open conversations.
                try await brand.send(
                    #"{"kind":"req","id":"g1","type":".ams.routing.SetAgentState","body":{"availability":"AWAY","channels":["MESSAGING"],"agentUserId":"\#(greeter.legacyId)"}}"#
                )
                _ = try await brand.next(ofType: ".ReqBody$StringResp")
                try await brand.send(
                    #"{"kind":"req","id":"g2","type":".ams.aam.SubscribeExConversations","body":{"convState":["OPEN"]}}"#
                )
                _ = try await brand.next(ofType: ".ams.aam.ExConversationChangeNotification")
                try await Self.withConversation(sandbox, consumer: "erin") { consumer, conversationId in
                    let upsert = try await brand.next(ofType: ".ams.aam.ExConversationChangeNotification")
                    #expect(
                        upsert["body"]?["changes"]?.elements.first?["result"]?["convId"]?.stringValue == conversationId)

                    try await brand.send(
                        #"{"kind":"req","id":"g3","type":".ams.ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"too early"}}}"#
                    )
                    let early = try await brand.next(ofType: ".ReqBody$StringResp")
                    #expect(early["code"]?.intValue == 403)

                    try await brand.send(
                        #"{"kind":"req","id":"g4","type":".ams.cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":[{"field":"ParticipantsChange","type":"ADD","role":"MANAGER","userId":"\#(greeter.legacyId)"}]}}"#
                    )
                    let added = try await brand.next(ofType: ".ReqBody$StringResp")
                    #expect(added["body"]?.stringValue == "OK Agent added successfully")
                    let joined = try await brand.next(ofType: ".ams.aam.ExConversationChangeNotification")
                    let details = joined["body"]?["changes"]?.elements.first?["result"]?["conversationDetails"]
                    #expect(details?["participants"]?["MANAGER"] == .array([.string(greeter.legacyId)]))
                    #expect(details?["participantsPId"]?["MANAGER"] == .array([.string(greeter.userPid)]))

                    try await brand.send(
                        #"{"kind":"req","id":"g5","type":".ams.ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"welcome from bot"}}}"#
                    )
                    _ = try await brand.next(ofType: "ms.PublishEventResponse")
                    let welcome = try await consumer.next(ofType: "ms.MessagingEventNotification")
                    let event = welcome["body"]?["changes"]?.elements.first
                    #expect(event?["event"]?["message"]?.stringValue == "welcome from bot")
                    #expect(event?["originatorMetadata"]?["role"]?.stringValue == "MANAGER")

                    // A private note: agents see it, the consumer does not.
                    try await brand.send(
                        #"{"kind":"req","id":"g6","type":".ams.ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"note for agents"},"messageAudience":"AGENTS_AND_MANAGERS"}}"#
                    )
                    _ = try await brand.next(ofType: "ms.PublishEventResponse")
                    let note = try await brand.next(ofType: ".ams.ms.OnlineEventDistribution")
                    #expect(note["body"]?["messageAudience"]?.stringValue == "AGENTS_AND_MANAGERS")
                    try await consumer.send(
                        #"{"kind":"req","id":9,"type":"ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"marker"}}}"#
                    )
                    _ = try await consumer.next(ofType: "ms.PublishEventResponse")
                    let next = try await consumer.next(ofType: "ms.MessagingEventNotification")
                    #expect(next["body"]?["changes"]?.elements.first?["event"]?["message"]?.stringValue == "marker")
                    #expect(!consumer.received.contains { $0.contains("note for agents") })

                    try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: reader.bearer)) {
                        readerSocket in
                        try await readerSocket.send(
                            #"{"kind":"req","id":"x1","type":".ams.cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":[{"field":"ParticipantsChange","type":"ADD","role":"READER"}]}}"#
                        )
                        _ = try await readerSocket.next(ofType: ".ReqBody$StringResp")
                        try await readerSocket.send(
                            #"{"kind":"req","id":"x2","type":".ams.ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi"}}}"#
                        )
                        let refused = try await readerSocket.next(ofType: ".ReqBody$StringResp")
                        #expect(refused["code"]?.intValue == 403)
                        #expect(refused["body"]?.stringValue?.contains("READER") == true)
                    }
                }
            }
        }
    }

    @Test func transferToASkillRingsTheNextAgentAndDropsTheConversationForTheFirst() async throws {
        try await SandboxHarness.withSandbox(Self.noBot) { sandbox in
            let store = sandbox.services.store
            let first = await store.agentLogin(account: sandbox.account, loginName: "first")
            let second = await store.agentLogin(account: sandbox.account, loginName: "second")
            try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: first.bearer)) { one in
                try await Self.connectLikeMyCoolAgent(one, agent: first, account: sandbox.account)
                try await Self.withConversation(sandbox, consumer: "frank") { _, conversationId in
                    _ = try await Self.acceptRing(one)
                    try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: second.bearer)) {
                        two in
                        try await Self.connectLikeMyCoolAgent(two, agent: second, account: sandbox.account)
                        // Removing an assigned agent that is not there fails, as the SDK's README warns.
                        try await one.send(
                            #"{"kind":"req","id":"t1","type":".ams.cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":[{"field":"ParticipantsChange","type":"REMOVE","role":"ASSIGNED_AGENT","userId":"\#(second.legacyId)"}]}}"#
                        )
                        #expect(try await one.next(ofType: ".ReqBody$StringResp")["code"]?.intValue == 400)

                        try await one.send(
                            #"{"kind":"req","id":"t2","type":".ams.cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":[{"field":"ParticipantsChange","type":"REMOVE","role":"ASSIGNED_AGENT"},{"field":"Skill","type":"UPDATE","skill":"1234"}]}}"#
                        )
                        let removed = try await one.next(ofType: ".ReqBody$StringResp")
                        #expect(removed["body"]?.stringValue == "OK Agent removed successfully")
                        let dropped = try await one.next(ofType: ".ams.aam.ExConversationChangeNotification")
                        #expect(dropped["body"]?["changes"]?.elements.first?["type"]?.stringValue == "DELETE")

                        let upsert = try await Self.acceptRing(two)
                        let details = upsert["body"]?["changes"]?.elements.first?["result"]?["conversationDetails"]
                        #expect(details?["skillId"]?.stringValue == "1234")
                        #expect(details?["participants"]?["ASSIGNED_AGENT"] == .array([.string(second.legacyId)]))
                    }
                }
            }
        }
    }

    /// Runs the real `/usr/bin/curl` (Debian's curl 7.88.1 here) against the sandbox with its CA; returns stdout.
    /// Off the cooperative pool: a blocking wait there starved the in-process sandbox of its two threads (a hang).
    static func curl(_ arguments: [String]) async throws -> String {
        try await offThreadProcess {
            try ChildProcess.run(
                executable: "/usr/bin/curl",
                arguments: ["-sS", "--cacert", SandboxHarness.keyDirectory + "/ca.pem"] + arguments, stdin: nil,
                environment: ["PATH": "/usr/bin:/bin"], directory: nil, timeout: 20)
        }.stdout
    }

    /// transfer2same-agent-bot: the consumer's best earlier conversation names its agent (msgHist), that agent is
    /// ONLINE (msgHist), so the bot suggests it, removes itself and updates the skill: only the suggested agent rings.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
    func transferToASuggestedAgentFoundThroughMessagingHistory() async throws {
        try await SandboxHarness.withSandbox(Self.noBot) { sandbox in
            let store = sandbox.services.store
            let bot = await store.agentLogin(account: sandbox.account, loginName: "transfer-bot")
            let alice = await store.agentLogin(account: sandbox.account, loginName: "alice")
            let bystander = await store.agentLogin(account: sandbox.account, loginName: "bystander")
            let base = "https://\(sandbox.services.address.hostPort)/messaging_history/api/account/\(sandbox.account)"
            try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: alice.bearer)) {
                aliceSocket in
                try await Self.connectLikeMyCoolAgent(aliceSocket, agent: alice, account: sandbox.account)
                // An earlier conversation of the consumer with Alice, closed.
                try await Self.withConversation(sandbox, consumer: "hank") { _, first in
                    _ = try await Self.acceptRing(aliceSocket)
                    try await aliceSocket.send(
                        #"{"kind":"req","id":"c1","type":".ams.cm.UpdateConversationField","body":{"conversationId":"\#(first)","conversationField":[{"field":"ConversationStateField","conversationState":"CLOSE"}]}}"#
                    )
                    _ = try await aliceSocket.next(ofType: ".ReqBody$StringResp")
                }
                let history = try await Self.curl([
                    "-X", "POST", "\(base)/conversations/consumer/search?offset=0&limit=10", "-H",
                    "Authorization: Bearer \(bot.bearer)", "-H", "Content-Type: application/json", "-d",
                    #"{"consumer":"hank","contentToRetrieve":[]}"#,
                ])
                let record = try #require(
                    try JSONDecoder().decode(WireJSON.self, from: Data(history.utf8))["conversationHistoryRecords"]?
                        .elements.first?["info"], "\(history)")
                #expect(record["latestAgentId"]?.stringValue == alice.userId)
                #expect(record["mcs"]?.intValue ?? 0 > 0)
                let status = try await Self.curl([
                    "-X", "POST", "\(base)/agent-view/status", "-H", "Authorization: Bearer \(bot.bearer)", "-H",
                    "Content-Type: application/json", "-d", #"{"agentIds":["\#(alice.userId)"]}"#,
                ])
                #expect(status.contains(#""currentStatus":"ONLINE""#), "\(status)")
                let refused = try await Self.curl(["-X", "POST", "\(base)/agent-view/status", "-d", "{}"])
                #expect(refused.contains("Bearer"), "\(refused)")

                try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: bystander.bearer)) {
                    bystanderSocket in
                    try await Self.connectLikeMyCoolAgent(bystanderSocket, agent: bystander, account: sandbox.account)
                    try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: bot.bearer)) {
                        botSocket in
                        try await Self.withConversation(sandbox, consumer: "hank") { _, second in
                            // The bystander rings (Alice took a conversation more recently) and plays the
                            // transfer bot's part here.
                            _ = try await Self.acceptRing(bystanderSocket)
                            try await bystanderSocket.send(
                                #"{"kind":"req","id":"t1","type":".ams.cm.UpdateConversationField","body":{"conversationId":"\#(second)","dialogId":"\#(second)","conversationField":[{"field":"ParticipantsChange","type":"SUGGEST","userId":"\#(alice.legacyId)","role":"ASSIGNED_AGENT"},{"field":"ParticipantsChange","type":"REMOVE","userId":"\#(bystander.userPid)","role":"ASSIGNED_AGENT"},{"field":"Skill","type":"UPDATE","skill":"-1"}]}}"#
                            )
                            let answer = try await bystanderSocket.next(ofType: ".ReqBody$StringResp")
                            #expect(answer["code"]?.intValue == 200, "\(answer)")
                            let upsert = try await Self.acceptRing(aliceSocket)
                            let details = upsert["body"]?["changes"]?.elements.first?["result"]?["conversationDetails"]
                            #expect(details?["participants"]?["ASSIGNED_AGENT"] == .array([.string(alice.legacyId)]))
                            // Only the suggested agent was rung for the transfer.
                            try await bystanderSocket.send(#"{"kind":"req","id":"z","type":".GetClock","body":{}}"#)
                            _ = try await bystanderSocket.next(ofType: ".GetClock$Response")
                            let rings = bystanderSocket.received.filter {
                                $0.contains("RoutingTaskNotification") && $0.contains(second) && $0.contains("WAITING")
                            }
                            #expect(rings.count == 1, "\(rings)")
                        }
                    }
                }
            }
        }
    }

    @Test func agentStateSubscriptionAndAgentRequestedConversation() async throws {
        try await SandboxHarness.withSandbox(Self.noBot) { sandbox in
            let agent = await sandbox.services.store.agentLogin(account: sandbox.account, loginName: "outbound")
            try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: agent.bearer)) { brand in
                try await brand.send(
                    #"{"kind":"req","id":"s1","type":".ams.routing.SubscribeAgentsState","body":{"brandId":"\#(sandbox.account)","agentId":"\#(agent.legacyId)"}}"#
                )
                _ = try await brand.next(ofType: ".ams.GenericSubscribe$Response")
                let initial = try await brand.next(ofType: ".ams.routing.AgentStateNotification")
                #expect(
                    initial["body"]?["changes"]?.elements.first?["result"]?["availability"]?.stringValue == "OFFLINE")
                try await brand.send(
                    #"{"kind":"req","id":"s2","type":".ams.routing.SetAgentState","body":{"availability":"BACK_SOON","channels":["MESSAGING"],"agentUserId":"\#(agent.legacyId)"}}"#
                )
                let changed = try await brand.next(ofType: ".ams.routing.AgentStateNotification")
                let result = changed["body"]?["changes"]?.elements.first?["result"]
                #expect(result?["availability"]?.stringValue == "BACK_SOON")
                #expect(result?["agentUserId"]?.stringValue == agent.legacyId)

                try await brand.send(
                    #"{"kind":"req","id":"s3","type":".ams.routing.UpdateRoutingTaskSubscription","body":{}}"#)
                #expect(try await brand.next(ofType: ".ReqBody$StringResp")["code"]?.intValue == 400)

                try await brand.send(
                    #"{"kind":"req","id":"s4","type":".ams.cm.AgentRequestConversation","body":{"channelType":"MESSAGING","consumerId":"gina","conversationContext":{"type":"ProactiveContext"}}}"#
                )
                let created = try await brand.next(ofType: ".ams.cm.AgentRequestConversation$Response")
                let conversationId = try #require(created["body"]?["conversationId"]?.stringValue)
                try await brand.send(
                    #"{"kind":"req","id":"s5","type":".ams.ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"an offer for you"}}}"#
                )
                #expect(try await brand.next(ofType: "ms.PublishEventResponse")["code"]?.intValue == 200)
                try await brand.send(
                    #"{"kind":"req","id":"s6","type":".ams.cm.AgentRequestConversation","body":{"channelType":"MESSAGING","consumerId":"gina"}}"#
                )
                let second = try await brand.next(ofType: ".ReqBody$StringResp")
                #expect(second["code"]?.intValue == 400)
            }
        }
    }

    @Test func theTutorialsV2SocketKeepsItsNotificationNames() async throws {
        try await SandboxHarness.withSandbox(Self.noBot) { sandbox in
            let agent = await sandbox.services.store.agentLogin(account: sandbox.account, loginName: "tutor")
            try await SocketDriver.connect(sandbox, path: Self.brandPath(sandbox, bearer: agent.bearer, version: "2")) {
                brand in
                try await brand.send(
                    #"{"kind":"req","id":"v1","type":".ams.aam.SubscribeExConversations","body":{"convState":["OPEN"]}}"#
                )
                let initial = try await brand.next(ofType: "cqm.ExConversationChangeNotification")
                #expect(initial["body"]?["changes"] == .array([]))
            }
        }
    }
}
