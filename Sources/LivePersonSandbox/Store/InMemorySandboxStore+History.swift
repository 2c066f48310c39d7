import LivePersonAPI

/// What the sandbox answers for the Messaging Interactions calls (``MessagingHistoryController``).
extension InMemorySandboxStore {
    /// A consumer's conversations, newest first, as `conversationHistoryRecords` with the `info` fields LivePerson
    /// returns for them (`latestAgentId` is the agent's login user id; `mcs` a fixed, neutral 50 in the sandbox).
    func conversationHistory(account: String, consumerId: String) -> [WireJSON] {
        conversations.values
            .filter { $0.account == account && $0.consumerId == consumerId }
            .sorted { $0.startTs > $1.startTs }
            .prefix(10)
            .map { conversation in
                var info: [String: WireJSON] = [
                    "conversationId": .string(conversation.id), "brandId": .string(account),
                    "status": .string(conversation.state), "startTime": .number(Double(conversation.startTs)),
                    "latestSkillId": .string(conversation.skillId), "mcs": .number(50),
                ]
                if let end = conversation.endTs { info["endTime"] = .number(Double(end)) }
                if let agent = conversation.agent {
                    let legacy = legacyId(of: agent.id, account: account)
                    info["latestAgentId"] = .string(String(legacy.split(separator: ".").last ?? Substring(legacy)))
                }
                return .object(["info": .object(info)])
            }
    }

    /// Each agent's current state (`ONLINE` when one of its brand sockets is online, else its last state there, else
    /// `OFFLINE`), by login user id.
    func agentStatus(account: String, userIds: [String]) -> [WireJSON] {
        userIds.map { userId in
            let states = connections.values.compactMap { connection -> String? in
                guard connection.account == account, case .agent(let session) = connection.participant,
                    session.userId == userId
                else { return nil }
                return connection.availability
            }
            let status = states.contains("ONLINE") ? "ONLINE" : states.first ?? "OFFLINE"
            return .object(["agentId": .string(userId), "currentStatus": .string(status)])
        }
    }
}
