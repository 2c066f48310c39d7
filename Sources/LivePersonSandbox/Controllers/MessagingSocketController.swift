import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import LivePersonAPI
import NIOWebSocket

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The messaging WebSockets: the consumer socket `/ws_api/account/{a}/messaging/consumer?v=3` (token in the
/// `Authorization: jwt …` header or in `InitConnection`) and the brand socket `…/messaging/brand/{bearer}?v=2`.
///
/// A consumer socket with a bad or expired token is upgraded and then closed with 4401 (4407 for an expired
/// unauthenticated identity), so that clients see the documented close code rather than an HTTP error.
struct MessagingSocketController {
    let services: SandboxServices

    func addRoutes(to router: Router<SandboxWebSocketRequestContext>) {
        router.ws("/ws_api/account/:account/messaging/consumer") { request, _ in
            guard SandboxConfiguration.isValidAccount(request.uri.path.split(separator: "/")[2].description) else {
                return .dontUpgrade
            }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            let account = String(context.request.uri.path.split(separator: "/")[2])
            let session = SocketSession(
                account: account, opening: .consumer(token: Self.token(context.request.headers[.authorization])),
                store: services.store, signer: services.signer, configuration: services.configuration,
                logger: context.logger, channel: context.requestContext.channel)
            try await session.run(inbound: inbound, outbound: outbound)
        }
        router.ws("/ws_api/account/:account/messaging/brand/:bearer") { request, context in
            let bearer = try context.parameters.require("bearer")
            let account = try context.parameters.require("account")
            guard let agent = await services.store.agentSession(bearer: bearer), agent.account == account else {
                return .dontUpgrade
            }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            let parts = context.request.uri.path.split(separator: "/")
            guard parts.count >= 6, let agent = await services.store.agentSession(bearer: String(parts[5])) else {
                try await outbound.close(.unknown(CloseCode.unauthorized), reason: "Unknown bearer")
                return
            }
            let session = SocketSession(
                account: agent.account,
                opening: .agent(agent, version: context.request.uri.queryParameters.get("v").map { String($0) }),
                store: services.store, signer: services.signer,
                configuration: services.configuration, logger: context.logger, channel: context.requestContext.channel)
            try await session.run(inbound: inbound, outbound: outbound)
        }
    }

    /// Plain-HTTP answers on the socket paths: when an upgrade was refused or not asked for.
    func addFallbackRoutes(to router: Router<some RequestContext>) {
        router.get("/ws_api/account/:account/messaging/brand/:bearer") { _, _ in
            JSONResponse.make(
                .unauthorized, CSDSErrorBody(code: 401, message: "unknown or expired bearer; log in again"))
        }
        router.get("/ws_api/account/:account/messaging/consumer") { _, _ in
            JSONResponse.make(.badRequest, CSDSErrorBody(code: 400, message: "WebSocket upgrade required"))
        }
    }

    /// The token of an `Authorization: jwt <token>` header (scheme matched case-insensitively; `Bearer` accepted).
    static func token(_ header: String?) -> String? {
        guard let header else { return nil }
        let trimmed = SpaceTrimming.spaces(header)
        for scheme in ["jwt ", "bearer "] where trimmed.lowercased().hasPrefix(scheme) {
            let token = SpaceTrimming.spaces(trimmed.dropFirst(scheme.count))
            return token.isEmpty ? nil : token
        }
        return trimmed.isEmpty ? nil : trimmed
    }
}
