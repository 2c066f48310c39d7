import LivePersonAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A conversation as the brand (agent) socket shows it in an ExConversation change (spec §3.7.2's emulator note;
/// node-agent-sdk's `Transformer` and tests): `participants` as a role → ids map with agents under their old-style
/// `account.userId`, `participantsPId` the same map with participant ids, every dialog's `participantsDetails` with
/// old-style ids and a `state`, and the fields LivePerson's brand socket adds (`convId`, `note`, `csatRate`,
/// `conversationHandlerDetails`, `numberOfunreadMessages`). Everything else is the consumer socket's form.
enum BrandConversationView {
    /// One change (`UPSERT`/`DELETE`) of `conversation`; `legacyId` maps a participant id to its old-style id.
    static func change(
        type: String, of conversation: Conversation, legacyId: (String) -> String
    ) -> WireJSON {
        let details = conversation.details
        let consumerForm = ExConversationResult(convId: conversation.id, conversationDetails: details)
        guard case .object(var result) = WireJSON(encoding: consumerForm),
            case .object(var fields)? = result["conversationDetails"]
        else { return .null }
        var byRole: [String: [WireJSON]] = [:]
        for participant in details.participants {
            byRole[participant.role, default: []].append(.string(legacyId(participant.id)))
        }
        fields["participants"] = .object(byRole.mapValues { .array($0) })
        fields["dialogs"] = .array(
            details.dialogs.map { dialog in
                guard case .object(var members) = WireJSON(encoding: dialog) else { return .null }
                members["participantsDetails"] = .array(
                    dialog.participantsDetails.map { participant in
                        .object([
                            "id": .string(legacyId(participant.id)), "role": .string(participant.role),
                            "state": .string(participant.state),
                        ])
                    })
                return .object(members)
            })
        fields["convId"] = .string(conversation.id)
        fields["note"] = .string("")
        fields["csatRate"] = .number(Double(conversation.csat?.csatRate ?? 0))
        fields["firstConversation"] = .bool(false)
        fields["conversationHandlerDetails"] = .object([
            "accountId": .string(conversation.account), "skillId": .string(conversation.skillId),
        ])
        result["conversationDetails"] = .object(fields)
        result["numberOfunreadMessages"] = .object([:])
        return .object(["type": .string(type), "result": .object(result)])
    }
}

extension WireJSON {
    /// `value` as JSON: what `JSONEncoder` writes for it, read back (`.null` if it cannot be encoded).
    init(encoding value: some Encodable) {
        guard let data = try? JSONEncoder().encode(value),
            let json = try? JSONDecoder().decode(WireJSON.self, from: data)
        else {
            self = .null
            return
        }
        self = json
    }
}
