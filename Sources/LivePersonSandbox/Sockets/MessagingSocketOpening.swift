import NIOCore
import NIOHTTP1

/// Whether an upgrade request opens a messaging socket, and with what: a consumer socket on a valid account (its
/// token, from `Authorization`, is checked once the socket is open, so that a bad one gets close code 4401), a brand
/// socket with the bearer of a logged-in agent of that account. Anything else is not upgraded.
enum MessagingSocketOpening {
    static func session(for head: HTTPRequestHead, services: SandboxServices, channel: any Channel) -> SocketSession? {
        let opening: SocketSession.Opening
        let account: String
        switch MessagingSocketRoute(uri: head.uri) {
        case .consumer(let name)?:
            guard SandboxConfiguration.isValidAccount(name) else { return nil }
            let authorization = head.headers["Authorization"]
            let header = authorization.isEmpty ? nil : authorization.joined(separator: ", ")
            (account, opening) = (name, .consumer(token: MessagingSocketController.token(header)))
        case .brand(let name, let bearer, let version)?:
            guard let agent = services.store.withState({ $0.agentSession(bearer: bearer) }), agent.account == name
            else { return nil }
            (account, opening) = (agent.account, .agent(agent, version: version))
        case nil:
            return nil
        }
        // In a class: only the class's accounts, and a learner's sockets up to the limit (``BrandUpgradeCheck``
        // answers the refusal on a connection's first request; this catches a later request on a kept-alive one).
        guard services.socketRefusal(account: account) == nil else { return nil }
        return SocketSession(
            account: account, opening: opening, store: services.store, signer: services.signer,
            configuration: services.configuration, logger: services.logger, channel: channel)
    }
}
