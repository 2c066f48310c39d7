import HTTPTypes
import LivePersonAPI
import NIOWebSocket
import Testing
import WSCore

@testable import LivePersonSandbox

@Suite(.timeLimit(.minutes(1)))
struct ConsumerSocketTests {
    static func expectResponse(_ frame: WireJSON, reqId: String, code: Int = 200, type: String) {
        #expect(frame["kind"]?.stringValue == "resp")
        #expect(frame["reqId"]?.stringValue == reqId)
        #expect(frame["code"]?.intValue == code)
        #expect(frame["type"]?.stringValue == type)
    }

    @Test func tutorialSessionWithBot() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let token = sandbox.consumerToken(sub: "consumer-1")
            let close = try await SocketDriver.connect(
                sandbox, path: SocketDriver.consumerPath(sandbox.account), headers: [.authorization: "jwt \(token)"]
            ) { socket in
                try await socket.send(#"{"kind":"req","id":7,"type":"GetClock"}"#)
                let clock = try #require(try await socket.next())
                Self.expectResponse(clock, reqId: "7", type: ".GetClock$Response")
                #expect((clock["body"]?["currentTime"]?.intValue ?? 0) > 1_600_000_000_000)

                try await socket.send(
                    #"{"kind":"req","id":"33","body":{"minLastUpdatedTime":0,"convState":["OPEN"]},"type":"cqm.SubscribeExConversations"}"#
                )
                let subscribed = try #require(try await socket.next())
                Self.expectResponse(subscribed, reqId: "33", type: "cqm.SubscribeExConversationsResponse")
                let subscriptionId = try #require(subscribed["body"]?["subscriptionId"]?.stringValue)
                let initial = try #require(try await socket.next())
                #expect(initial["type"]?.stringValue == "cqm.ExConversationChangeNotification")
                #expect(initial["body"]?["changes"] == .array([]))

                try await socket.send(#"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#)
                let created = try #require(try await socket.next())
                Self.expectResponse(created, reqId: "1", type: "cm.RequestConversationResponse")
                let conversationId = try #require(created["body"]?["conversationId"]?.stringValue)

                let upsert = try #require(try await socket.next())
                #expect(upsert["body"]?["subscriptionId"]?.stringValue == subscriptionId)
                let change = try #require(upsert["body"]?["changes"]?.elements.first)
                #expect(change["type"]?.stringValue == "UPSERT")
                #expect(change["result"]?["convId"]?.stringValue == conversationId)
                let details = try #require(change["result"]?["conversationDetails"])
                #expect(details["state"]?.stringValue == "OPEN")
                #expect(details["participants"]?.elements.map { $0["role"]?.stringValue } == ["CONSUMER"])
                #expect(details["participantsPId"]?["CONSUMER"] == .array([.string("consumer-1")]))

                let accepted = try await socket.next(ofType: "cqm.ExConversationChangeNotification")
                let agentDetails = accepted["body"]?["changes"]?.elements.first?["result"]?["conversationDetails"]
                #expect(
                    agentDetails?["participantsPId"]?["ASSIGNED_AGENT"] == .array([.string(BotAgent.participant.id)]))

                try await socket.send(
                    #"{"kind":"req","id":"22","body":{"fromSeq":0,"dialogId":"\#(conversationId)"},"type":"ms.SubscribeMessagingEvents"}"#
                )
                Self.expectResponse(
                    try #require(try await socket.next()), reqId: "22", type: ".ams.GenericSubscribeResponse")
                let backlog = try #require(try await socket.next())
                #expect(backlog["type"]?.stringValue == "ms.MessagingEventNotification")
                #expect(backlog["body"]?["changes"] == .array([]))

                try await socket.send(
                    #"{"kind":"req","id":2,"type":"ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi there"}}}"#
                )
                let ack = try #require(try await socket.next())
                Self.expectResponse(ack, reqId: "2", type: "ms.PublishEventResponse")
                #expect(ack["body"]?["sequence"]?.intValue == 0)
                let echo = try #require(try await socket.next()?["body"]?["changes"]?.elements.first)
                #expect(echo["sequence"]?.intValue == 0)
                #expect(echo["originatorId"]?.stringValue == "consumer-1")
                #expect(echo["originatorMetadata"]?["role"]?.stringValue == "CONSUMER")
                #expect(echo["event"]?["message"]?.stringValue == "hi there")
                #expect(echo["dialogId"]?.stringValue == conversationId)
                #expect(echo["serverTimestamp"]?.intValue != nil)

                var botEvents: [WireJSON] = []
                while botEvents.count < 3 {
                    let frame = try await socket.next(ofType: "ms.MessagingEventNotification")
                    botEvents += frame["body"]?["changes"]?.elements ?? []
                }
                #expect(
                    botEvents.map { $0["event"]?["status"]?.stringValue ?? $0["event"]?["message"]?.stringValue } == [
                        "ACCEPT", "READ", "echo: hi there",
                    ])
                #expect(botEvents.allSatisfy { $0["originatorMetadata"]?["role"]?.stringValue == "ASSIGNED_AGENT" })
                #expect(botEvents[0]["event"]?["sequenceList"] == .array([.number(0)]))
                #expect(botEvents.map { $0["sequence"]?.intValue } == [1, 2, 3])

                try await socket.send(
                    #"{"kind":"req","id":3,"type":"ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ChatStateEvent","chatState":"COMPOSING"}}}"#
                )
                #expect(try await socket.next()?["body"]?["sequence"]?.intValue == 0)
                let chatState = try #require(try await socket.next()?["body"]?["changes"]?.elements.first)
                #expect(chatState["sequence"] == nil)
                #expect(chatState["serverTimestamp"] == nil)

                try await socket.send(
                    #"{"kind":"req","id":4,"type":"ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"AcceptStatusEvent","status":"READ","sequenceList":[3]}}}"#
                )
                #expect(try await socket.next()?["body"]?["sequence"]?.intValue == 4)
                _ = try await socket.next(ofType: "ms.MessagingEventNotification")

                try await socket.send(#"{"kind":"req","id":5,"type":"cm.ConsumerRequestConversation"}"#)
                let second = try #require(try await socket.next())
                Self.expectResponse(second, reqId: "5", code: 400, type: ".ReqBody$StringResp")
                #expect(second["body"]?.stringValue == "Consumer already has an open conversation: \(conversationId)")

                try await socket.send(
                    #"{"kind":"req","id":"AHDJE","type":"cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":{"field":"CSATRate","csatRate":5,"csatResolutionConfirmation":true,"status":"FILLED"}}}"#
                )
                Self.expectResponse(try #require(try await socket.next()), reqId: "AHDJE", type: ".ReqBody$StringResp")
                let csat = try await socket.next(ofType: "cqm.ExConversationChangeNotification")
                #expect(
                    csat["body"]?["changes"]?.elements.first?["result"]?["conversationDetails"]?["csat"]?["csatRate"]?
                        .intValue == 5)

                try await socket.send(
                    #"{"kind":"req","id":"0","type":"cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":[{"field":"ConversationStateField","conversationState":"CLOSE"}]}}"#
                )
                let closed = try #require(try await socket.next())
                Self.expectResponse(closed, reqId: "0", type: ".ReqBody$StringResp")
                #expect(closed["body"]?.stringValue == "OK Conversation resolved successfully")
                let delete = try await socket.next(ofType: "cqm.ExConversationChangeNotification")
                let deleted = try #require(delete["body"]?["changes"]?.elements.first)
                #expect(deleted["type"]?.stringValue == "DELETE")
                #expect(deleted["result"]?["conversationDetails"]?["state"]?.stringValue == "CLOSE")
                #expect(deleted["result"]?["conversationDetails"]?["endTs"]?.intValue != nil)

                try await socket.send(
                    #"{"kind":"req","id":"9","type":"ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"late"}}}"#
                )
                let late = try await socket.next(ofType: ".ReqBody$StringResp")
                #expect(late["code"]?.intValue == 400)

                try await socket.send(
                    #"{"kind":"req","id":"34","body":{"convState":["OPEN","CLOSE"]},"type":".ams.aam.SubscribeExConversations"}"#
                )
                _ = try await socket.next(ofType: "cqm.SubscribeExConversationsResponse")
                let all = try await socket.next(ofType: "cqm.ExConversationChangeNotification")
                #expect(all["body"]?["changes"]?.elements.count == 1)

                try await socket.send(
                    #"{"id":"35","type":"cqm.UnsubscribeExConversations","body":{"subscriptionId":"\#(subscriptionId)"}}"#
                )
                let unsubscribed = try await socket.next(ofType: ".ReqBody$StringResp")
                #expect(unsubscribed["code"]?.intValue == 200)
            }
            #expect(close?.closeCode == .normalClosure)
        }
    }

    @Test func malformedRequestsGetErrorResponses() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let token = sandbox.consumerToken()
            try await SocketDriver.connect(
                sandbox, path: SocketDriver.consumerPath(sandbox.account), headers: [.authorization: "JWT \(token)"]
            ) { socket in
                let cases: [(String, String?, Int, String)] = [
                    ("{nope", nil, 400, "Bad JSON: the frame is not a JSON object"),
                    (#"{"kind":"req","type":"GetClock"}"#, nil, 400, "Bad request: id is missing"),
                    (#"{"kind":"req","id":"1"}"#, nil, 400, "Bad request: type is missing"),
                    (#"{"kind":"req","id":"2","type":"ms.Bogus"}"#, "2", 400, "Unknown request type 'ms.Bogus'"),
                    (#"{"kind":"req","id":"3","type":"ms.PublishEvent","body":{}}"#, "3", 400, "dialogId is missing"),
                    (
                        #"{"kind":"req","id":"4","type":"ms.PublishEvent","body":{"dialogId":"nope","event":{"type":"ContentEvent","message":"x"}}}"#,
                        "4", 404, "Dialog nope not found"
                    ),
                    (
                        #"{"kind":"req","id":"5","type":"ms.SubscribeMessagingEvents","body":{"dialogId":7}}"#, "5",
                        400, "dialogId must be a non-empty string"
                    ),
                    (
                        #"{"kind":"req","id":"6","type":"cm.UpdateConversationField","body":{"conversationId":"x"}}"#,
                        "6", 400, "conversationField is missing"
                    ),
                    (
                        #"{"kind":"req","id":"7","type":".ams.routing.SetAgentState","body":{"availability":"ONLINE"}}"#,
                        "7", 403, "Only agents can send this request"
                    ),
                ]
                for (frame, reqId, code, message) in cases {
                    try await socket.send(frame)
                    let answer = try #require(try await socket.next())
                    #expect(answer["kind"]?.stringValue == "resp")
                    #expect(answer["reqId"]?.stringValue == reqId, "\(frame)")
                    #expect(answer["code"]?.intValue == code, "\(frame)")
                    #expect(answer["type"]?.stringValue == ".ReqBody$StringResp")
                    #expect(answer["body"]?.stringValue == message)
                }
                try await socket.send(#"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#)
                let conversationId = try #require(try await socket.next()?["body"]?["conversationId"]?.stringValue)
                try await socket.send(
                    #"{"kind":"req","id":"8","type":"ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ChatStateEvent","chatState":"SLEEPING"}}}"#
                )
                #expect(try await socket.next(ofType: ".ReqBody$StringResp")["code"]?.intValue == 400)
                try await socket.send(
                    #"{"kind":"req","id":"9","type":"cm.UpdateConversationField","body":{"conversationId":"\#(conversationId)","conversationField":{"field":"CSATRate","csatRate":9}}}"#
                )
                #expect(try await socket.next(ofType: ".ReqBody$StringResp")["code"]?.intValue == 400)
            }
        }
    }

    @Test func otherConsumersConversationIsForbidden() async throws {
        try await SandboxHarness.withSandbox({ $0.botEnabled = false }) { sandbox in
            let path = SocketDriver.consumerPath(sandbox.account)
            try await SocketDriver.connect(
                sandbox, path: path, headers: [.authorization: "jwt \(sandbox.consumerToken())"]
            ) {
                owner in
                try await owner.send(#"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#)
                let conversationId = try #require(try await owner.next()?["body"]?["conversationId"]?.stringValue)
                try await SocketDriver.connect(
                    sandbox, path: path, headers: [.authorization: "jwt \(sandbox.consumerToken())"]
                ) { intruder in
                    try await intruder.send(
                        #"{"kind":"req","id":"1","body":{"dialogId":"\#(conversationId)"},"type":"ms.SubscribeMessagingEvents"}"#
                    )
                    let answer = try #require(try await intruder.next())
                    #expect(answer["code"]?.intValue == 403)
                }
            }
        }
    }

    @Test func initConnectionAuthenticatesHeaderlessSocket() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let token = sandbox.consumerToken()
            try await SocketDriver.connect(sandbox, path: SocketDriver.consumerPath(sandbox.account)) { socket in
                try await socket.send(#"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#)
                let refused = try #require(try await socket.next())
                #expect(refused["code"]?.intValue == 401)
                try await socket.send(
                    #"{"kind":"req","id":"0","type":"InitConnection","headers":[{"type":".ams.headers.ClientProperties","deviceFamily":"MOBILE","os":"ANDROID"},{"type":".ams.headers.ConsumerAuthentication","jwt":"\#(token)"}]}"#
                )
                let initialized = try #require(try await socket.next())
                Self.expectResponse(initialized, reqId: "0", type: ".ReqBody$StringResp")
                try await socket.send(#"{"kind":"req","id":2,"type":"cm.ConsumerRequestConversation"}"#)
                #expect(try await socket.next()?["type"]?.stringValue == "cm.RequestConversationResponse")
            }
        }
    }

    @Test func missingTokenClosesWith4401AfterInitTimeout() async throws {
        try await SandboxHarness.withSandbox({ $0.initConnectionTimeout = .milliseconds(300) }) { sandbox in
            let close = try await SocketDriver.connect(sandbox, path: SocketDriver.consumerPath(sandbox.account)) {
                socket in
                try await socket.drain()
            }
            #expect(close?.closeCode == .unknown(4401))
        }
    }

    /// Read at the byte level: swift-websocket's client can miss a frame that arrives right behind the 101 answer,
    /// which made this test hang now and then under load although the sandbox had sent the close.
    @Test(arguments: ["not-a-token", "foreign"])
    func badTokenClosesWith4401(token: String) async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let value = token == "foreign" ? sandbox.consumerToken(account: "someone-else") : token
            let connection = try await RawConnection.open(port: sandbox.port)
            let answer = try await connection.exchange(
                ClientFrame.upgrade(account: sandbox.account, token: value), readingFor: 3)
            #expect(answer.text.hasPrefix("HTTP/1.1 101"), "\(answer.text.debugDescription)")
            #expect(answer.closeCode == 4401, "\(answer.text.debugDescription)")
        }
    }

    @Test func floodingGets429() async throws {
        try await SandboxHarness.withSandbox({ $0.requestsPerSecond = 5 }) { sandbox in
            try await SocketDriver.connect(
                sandbox, path: SocketDriver.consumerPath(sandbox.account),
                headers: [.authorization: "jwt \(sandbox.consumerToken())"]
            ) { socket in
                for id in 0..<12 {
                    try await socket.send(#"{"kind":"req","id":\#(id),"type":"GetClock"}"#)
                }
                var codes: [Int] = []
                for _ in 0..<12 {
                    codes.append(try #require(try await socket.next()?["code"]?.intValue))
                }
                #expect(codes.filter { $0 == 200 }.count >= 5)
                #expect(codes.contains(429))
            }
        }
    }
}
