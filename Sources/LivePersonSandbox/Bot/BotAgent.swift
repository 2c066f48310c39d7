import LivePersonAPI

/// The built-in agent that takes conversations when no human agent is online: it accepts them and answers every
/// consumer text with `echo: <text>` after a short delay, with ACCEPT and READ receipts first (spec §3.9 step 8).
struct BotAgent: Sendable {
    static let participant = ParticipantRef(id: "5a4db0a0-b07b-5b07-ab07-5a4db0a0b07b", role: "ASSIGNED_AGENT")
    static let nickname = "Sandbox Bot"

    var enabled: Bool
    var delay: Duration

    static func reply(to text: String) -> String {
        "echo: " + text
    }
}

extension InMemorySandboxStore {
    func botAccept(_ conversationId: String) {
        guard let conversation = conversations[conversationId], conversation.agent == nil else { return }
        assign(conversationId, agent: BotAgent.participant, isBot: true)
    }

    func botAnswer(_ dialogId: String, sequence: Int, text: String) {
        // The accept and the answer are timers of the same length started a moment apart, and tasks do not run in
        // the order they were started: an answer that comes first takes the conversation itself (with a 0 ms
        // delay the answer was otherwise dropped now and then, and the tutorial waited for it forever). Not while
        // human agents are being rung for it.
        if bot.enabled, conversations[dialogId]?.ringId == nil { botAccept(dialogId) }
        guard let conversation = conversations[dialogId], conversation.agentIsBot, conversation.state == "OPEN" else {
            return
        }
        for status in ["ACCEPT", "READ"] {
            let receipt = WireJSON.object([
                "type": .string("AcceptStatusEvent"), "status": .string(status),
                "sequenceList": .array([.number(Double(sequence))]),
            ])
            _ = try? append(receipt, metadata: nil, to: dialogId, from: BotAgent.participant)
            deliverLast(of: dialogId)
        }
        let answer = WireJSON.object([
            "type": .string("ContentEvent"), "contentType": .string("text/plain"),
            "message": .string(BotAgent.reply(to: text)),
        ])
        _ = try? append(answer, metadata: nil, to: dialogId, from: BotAgent.participant)
        deliverLast(of: dialogId)
    }
}
