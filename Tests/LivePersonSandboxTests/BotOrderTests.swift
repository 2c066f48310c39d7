import LivePersonAPI
import Testing

@testable import LivePersonSandbox

/// The bot's accept and its answer are separate timers: whichever runs first, the consumer gets the answer.
@Suite struct BotOrderTests {
    @Test func anAnswerDueBeforeTheAcceptStillComes() async throws {
        // Timers far longer than the test: the test itself decides the order by calling `botAnswer` first.
        let store = InMemorySandboxStore(bot: BotAgent(enabled: true, delay: .seconds(600)))
        let (outbox, frames) = Outbox.make()
        let consumer = await store.connect(account: "sandbox", participant: .consumer(id: "c-1"), outbox: outbox)
        try await store.requestConversation(consumer, skillId: nil, reply: Reply(reqId: "1", outbox: outbox))
        var iterator = frames.makeAsyncIterator()
        guard case .text(let response)? = await iterator.next(),
            let conversationId = (try? RequestParser.value(response))?["body"]?["conversationId"]?.stringValue
        else {
            Issue.record("no conversation id")
            return
        }
        let message = WireJSON.object(["type": .string("ContentEvent"), "message": .string("hi")])
        try await store.publishEvent(
            consumer, dialogId: conversationId, event: message, metadata: nil, reply: Reply(reqId: "2", outbox: outbox))
        await store.botAnswer(conversationId, sequence: 0, text: "hi")
        let events = await store.conversations[conversationId]?.events ?? []
        #expect(events.last?.event["message"]?.stringValue == "echo: hi", "\(events)")
        #expect(events.dropFirst().allSatisfy { $0.originatorId == BotAgent.participant.id })
    }
}
