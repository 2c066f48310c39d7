import LivePersonAPI

extension InMemorySandboxStore {
    /// The agent roles a conversation has (spec §4.8; node-agent-sdk README `updateConversationField`).
    static let agentRoles: Set<String> = ["ASSIGNED_AGENT", "MANAGER", "READER", "AGENT_FULL", "CONTROLLER"]

    /// Applies one `ParticipantsChange` field (`ADD`, `REMOVE`, `SUGGEST`) sent by `session`; returns the answer's
    /// text. Without `userId` the change is about the requesting agent.
    func changeParticipants(of conversation: inout Conversation, _ field: WireJSON, requestedBy session: AgentSession)
        throws(UMSFailure) -> String
    {
        let type = field["type"]?.stringValue ?? ""
        let role = field["role"]?.stringValue ?? (type == "ADD" ? "MANAGER" : "ASSIGNED_AGENT")
        guard Self.agentRoles.contains(role) else {
            throw .badRequest(
                "ParticipantsChange role '\(role)' is not one of ASSIGNED_AGENT|MANAGER|READER|AGENT_FULL|CONTROLLER")
        }
        let target: String
        if let userId = field["userId"]?.stringValue, !userId.isEmpty {
            guard let id = participantId(ofAgent: userId) else { throw .notFound("Agent \(userId) not found") }
            target = id
        } else {
            target = session.userPid
        }
        switch type {
        case "ADD":
            try add(target, as: role, to: &conversation)
            return "OK Agent added successfully"
        case "REMOVE":
            try remove(target, named: field["userId"]?.stringValue, as: role, from: &conversation)
            return "OK Agent removed successfully"
        case "SUGGEST":
            conversation.suggestedAgent = target
            return "OK Agent suggested successfully"
        default:
            throw .badRequest("ParticipantsChange type '\(type)' is not one of ADD|REMOVE|SUGGEST")
        }
    }

    private func add(_ agent: String, as role: String, to conversation: inout Conversation) throws(UMSFailure) {
        guard conversation.state == "OPEN" else { throw .badRequest("Conversation \(conversation.id) is closed") }
        if role == "ASSIGNED_AGENT" {
            if conversation.agent?.id == agent { return }
            guard conversation.agent == nil else {
                throw .badRequest("Conversation \(conversation.id) already has an assigned agent")
            }
            conversation.agent = ParticipantRef(id: agent, role: role)
            conversation.agentIsBot = agent == BotAgent.participant.id
            conversation.otherAgents?.removeAll { $0.id == agent }
            return
        }
        var others = conversation.otherAgents ?? []
        others.removeAll { $0.id == agent }
        others.append(ParticipantRef(id: agent, role: role))
        conversation.otherAgents = others
    }

    private func remove(_ agent: String, named name: String?, as role: String, from conversation: inout Conversation)
        throws(UMSFailure)
    {
        if role == "ASSIGNED_AGENT" {
            guard let assigned = conversation.agent else {
                throw .badRequest("Conversation \(conversation.id) has no assigned agent to remove")
            }
            if name != nil, assigned.id != agent {
                throw .badRequest("Agent \(name ?? agent) is not the assigned agent of \(conversation.id)")
            }
            conversation.agent = nil
            conversation.agentIsBot = false
            conversation.ringId = nil
            return
        }
        guard conversation.otherAgents?.contains(where: { $0.id == agent && $0.role == role }) == true else {
            throw .badRequest("Agent \(name ?? agent) is not a \(role) of \(conversation.id)")
        }
        conversation.otherAgents?.removeAll { $0.id == agent && $0.role == role }
    }
}
