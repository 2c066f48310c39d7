import LivePersonAPI

/// The built-in agent that takes conversations when no human agent is online: it accepts them and answers every
/// consumer text with `echo: <text>` after a short delay, with ACCEPT and READ receipts first (spec §3.9 step 8).
struct BotAgent: Sendable {
    static let participant = ParticipantRef(id: "5a4db0a0-b07b-5b07-ab07-5a4db0a0b07b", role: "ASSIGNED_AGENT")
    static let nickname = "Sandbox Bot"
    /// The bot's login user id: brand sockets name it `account.userId` like any agent.
    static let userId = "1000000001"

    var enabled: Bool
    var delay: Duration

    static func reply(to text: String) -> String {
        "echo: " + text
    }
}

/// One step of the bot in a conversation.
enum BotWork: Sendable {
    /// Take the conversation.
    case accept
    /// Receipts for the consumer's message `sequence`, then `echo: text`.
    case answer(sequence: Int, text: String)
    /// A step of the built-in survey bot in a survey dialog (``SurveyBot``).
    case survey(SurveyStep)
}

extension InMemorySandboxStore {
    /// Queues a step of the bot in `dialogId`, due `bot.delay` from now. A conversation's steps run one after
    /// another in the order they were queued (a burst of messages is answered in order, and never before the
    /// bot has taken the conversation); conversations do not wait for each other.
    func enqueueBot(_ work: BotWork, in dialogId: String) {
        let idle = botQueues[dialogId] == nil
        botQueues[dialogId, default: []].append((work, ContinuousClock.now + bot.delay))
        guard idle else { return }
        Task { await self.runBotQueue(dialogId) }
    }

    private func runBotQueue(_ dialogId: String) async {
        while let (work, due) = botQueues[dialogId]?.first {
            try? await Task.sleep(until: due, clock: .continuous)
            switch work {
            case .accept: botAccept(dialogId)
            case .answer(let sequence, let text): botAnswer(dialogId, sequence: sequence, text: text)
            case .survey(let step): runSurveyStep(step, in: dialogId)
            }
            botQueues[dialogId]?.removeFirst()
            if botQueues[dialogId]?.isEmpty == true { botQueues[dialogId] = nil }
        }
    }

    func botAccept(_ conversationId: String) {
        guard let conversation = conversations[conversationId], conversation.agent == nil else { return }
        assign(conversationId, agent: BotAgent.participant, isBot: true)
    }

    func botAnswer(_ dialogId: String, sequence: Int, text: String) {
        // The conversation's queue runs its accept first. An answer can still find no agent where no accept is queued:
        // a conversation reloaded from `--data` whose accept was pending when the sandbox stopped, or `botAnswer`
        // called on its own. It then takes the conversation instead of dropping the consumer's answer. Not while
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
