import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

/// The REST router: CSDS, IdP, agentVep, account config, Sentinel and the Connector API. Separate from the server
/// so router tests can drive it with `app.test(.router)`.
func buildRouter(services: SandboxServices) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    if let classroom = services.classroom {
        router.add(middleware: AccountGateMiddleware(gate: classroom.gate))
        ClassController(room: classroom).addRoutes(to: router)
    }
    CSDSController(services: services).addRoutes(to: router)
    IdPController(services: services).addRoutes(to: router)
    AgentVepController(services: services).addRoutes(to: router)
    MessagingHistoryController(services: services).addRoutes(to: router)
    SentinelController(services: services).addRoutes(to: router)
    ConsumerJWSController(services: services).addRoutes(to: router)
    SendAPIController(services: services).addRoutes(to: router)
    MessagingSocketController(services: services).addFallbackRoutes(to: router)
    SwiftStoreController(services: services).addRoutes(to: router)
    SiteSettingsController(services: services).addRoutes(to: router)
    return router
}

/// The sandbox application: HTTPS and WSS on one port, the messaging sockets upgraded by ``MessagingUpgradeChannel``; a plain HTTP
/// request to the port is answered `400` with the `https://` URL to use (``HTTPSOnlyChannel``).
func buildApplication(
    services: SandboxServices, authority: CertificateAuthority,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let configuration = services.configuration
    let tls = TLSConfiguration.makeServerConfiguration(
        certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(authority.serverCertificatePEM.utf8)).map {
            .certificate($0)
        },
        privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(authority.serverKeyPEM.utf8), format: .pem)))
    let socketRefusal: @Sendable (String) -> BrandUpgradeCheck.Refusal? = { services.socketRefusal(account: $0) }
    let classCheck = services.classroom == nil ? nil : socketRefusal
    // The guard in front of HTTP enforces the timeouts and masked client frames.
    let server = HTTPServerBuilder { responder in
        HTTPSOnlyChannel(
            base: try TLSChannel(
                GuardedChannel(
                    base: MessagingUpgradeChannel(responder: ExpectContinue.wrapping(responder), services: services),
                    idleTimeout: configuration.idleTimeout, headerTimeout: configuration.headerTimeout,
                    bearers: services.store.bearers,
                    classCheck: classCheck),
                tlsConfiguration: tls))
    }
    return Application(
        router: buildRouter(services: services), server: server,
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "lp-sandbox"),
        onServerRunning: onServerRunning, logger: services.logger)
}
