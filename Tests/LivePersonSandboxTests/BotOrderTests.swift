import HTTPTypes
import LivePersonAPI
import Testing

@testable import LivePersonSandbox

/// The bot answers a burst of messages in the order they were sent, and never before it took the conversation.
@Suite(.timeLimit(.minutes(1)))
struct BotOrderTests {
    @Test func aBurstIsEchoedInOrder() async throws {
        // No delay: every answer is due at once, the case where separate timers raced.
        try await SandboxHarness.withSandbox({ $0.botReplyDelay = .zero }) { sandbox in
            let token = sandbox.consumerToken()
            try await SocketDriver.connect(
                sandbox, path: SocketDriver.consumerPath(sandbox.account), headers: [.authorization: "jwt \(token)"]
            ) { socket in
                try await socket.send(#"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#)
                let created = try await socket.next(ofType: "cm.RequestConversationResponse")
                let conversationId = try #require(created["body"]?["conversationId"]?.stringValue)
                try await socket.send(
                    #"{"kind":"req","id":2,"body":{"fromSeq":0,"dialogId":"\#(conversationId)"},"type":"ms.SubscribeMessagingEvents"}"#
                )
                // Sent in one burst, most before the bot took the conversation.
                let count = 200
                for index in 1...count {
                    try await socket.send(
                        #"{"kind":"req","id":"p\#(index)","type":"ms.PublishEvent","body":{"dialogId":"\#(conversationId)","event":{"type":"ContentEvent","contentType":"text/plain","message":"m-\#(index)"}}}"#
                    )
                }
                var echoes: [String] = []
                while echoes.count < count {
                    let frame = try await socket.next(ofType: "ms.MessagingEventNotification")
                    for change in frame["body"]?["changes"]?.elements ?? [] {
                        if let text = change["event"]?["message"]?.stringValue, text.hasPrefix("echo: ") {
                            echoes.append(text)
                        }
                    }
                }
                let expected = (1...count).map { "echo: m-\($0)" }
                let firstMisplaced = zip(echoes, expected).first { $0 != $1 }
                #expect(
                    firstMisplaced == nil,
                    "out of order: got \(firstMisplaced?.0 ?? "") where \(firstMisplaced?.1 ?? "") was due")
            }
        }
    }

    /// Called directly, in the order that lost the answer: the answer before the accept.
    @Test func anAnswerDueBeforeTheAcceptStillComes() async throws {
        // Timers far longer than the test: the test itself decides the order by calling `botAnswer` first.
        let store = InMemorySandboxStore(bot: BotAgent(enabled: true, delay: .seconds(600)))
        let (outbox, frames) = Outbox.make()
        let consumer = await store.connect(
            account: "sandbox", participant: .consumer(id: "c-1"), style: .consumer, outbox: outbox)
        try await store.requestConversation(consumer, skillId: nil, reply: Reply(reqId: "1", outbox: outbox))
        var iterator = frames.makeAsyncIterator()
        guard case .text(let response)? = await iterator.next(),
            let conversationId = RequestParser.value(response)?["body"]?["conversationId"]?.stringValue
        else {
            Issue.record("no conversation id")
            return
        }
        let message = WireJSON.object(["type": .string("ContentEvent"), "message": .string("hi")])
        try await store.publishEvent(
            consumer, dialogId: conversationId, event: message, metadata: nil, audience: nil,
            reply: Reply(reqId: "2", outbox: outbox))
        await store.botAnswer(conversationId, sequence: 0, text: "hi")
        let events = await store.conversations[conversationId]?.events(inDialog: conversationId) ?? []
        #expect(events.last?.event["message"]?.stringValue == "echo: hi", "\(events)")
        #expect(events.dropFirst().allSatisfy { $0.originatorId == BotAgent.participant.id })
    }
}
