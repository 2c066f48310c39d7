import HTTPTypes
import Hummingbird
import LivePersonAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The two Messaging Interactions (`msgHist`) calls node-agent-sdk's transfer example makes: a consumer's recent
/// conversations (`conversations/consumer/search`) and agents' current state (`agent-view/status`), both with the
/// agent's `Authorization: Bearer`. Only the fields those calls are read for are emulated.
struct MessagingHistoryController {
    let services: SandboxServices

    func addRoutes(to router: Router<some RequestContext>) {
        let prefix = "/messaging_history/api/account/:account"
        router.post("\(prefix)/conversations/consumer/search") { request, context in
            try await consumerConversations(request, account: context.parameters.require("account"))
        }
        router.post("\(prefix)/agent-view/status") { request, context in
            try await agentStatus(request, account: context.parameters.require("account"))
        }
    }

    /// The agent session of the request's bearer, or the 401 answer.
    func authorize(_ request: Request, account: String) async -> Response? {
        let bearer = AgentBearer.token(of: request) ?? ""
        guard let session = await services.store.agentSession(bearer: bearer), session.account == account else {
            return AgentVepController.error(
                .unauthorized, "Authorization: Bearer <bearer from login> is required", code: 401)
        }
        return nil
    }

    func consumerConversations(_ request: Request, account: String) async throws -> Response {
        if let refusal = await authorize(request, account: account) { return refusal }
        let body = await JSONResponse.body(of: request)
        guard let query = try? JSONDecoder().decode(WireJSON.self, from: body),
            let consumer = query["consumer"]?.stringValue, !consumer.isEmpty
        else {
            return AgentVepController.error(.badRequest, "body must be JSON with consumer (the consumer id)", code: 400)
        }
        let records = await services.store.conversationHistory(account: account, consumerId: consumer)
        return JSONResponse.make(
            .ok,
            WireJSON.object([
                "_metadata": .object(["count": .number(Double(records.count))]),
                "conversationHistoryRecords": .array(records),
            ]))
    }

    func agentStatus(_ request: Request, account: String) async throws -> Response {
        if let refusal = await authorize(request, account: account) { return refusal }
        let body = await JSONResponse.body(of: request)
        guard let query = try? JSONDecoder().decode(WireJSON.self, from: body), let ids = query["agentIds"] else {
            return AgentVepController.error(.badRequest, "body must be JSON with agentIds", code: 400)
        }
        let userIds = ids.elements.compactMap { $0.stringValue ?? $0.intValue.map(String.init) }
        let records = await services.store.agentStatus(account: account, userIds: userIds)
        return JSONResponse.make(.ok, WireJSON.object(["agentStatusRecords": .array(records)]))
    }
}
