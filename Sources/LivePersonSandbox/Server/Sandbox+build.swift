import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOSSL
import WSCore

/// The REST router: CSDS, IdP, agentVep, account config, Sentinel and the Connector API. Separate from the server
/// so router tests can drive it with `app.test(.router)`.
func buildRouter(services: SandboxServices) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
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

/// The sandbox application: HTTPS and WSS on one port, the messaging sockets on the WebSocket router; a plain HTTP
/// request to the port is answered `400` with the `https://` URL to use (``HTTPSOnlyChannel``).
func buildApplication(
    services: SandboxServices, authority: CertificateAuthority,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let configuration = services.configuration
    let webSocketRouter = Router(context: SandboxWebSocketRequestContext.self)
    MessagingSocketController(services: services).addRoutes(to: webSocketRouter)

    let tls = TLSConfiguration.makeServerConfiguration(
        certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(authority.serverCertificatePEM.utf8)).map {
            .certificate($0)
        },
        privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(authority.serverKeyPEM.utf8), format: .pem)))
    // Text frames are checked for UTF-8 (1007 otherwise); the guard in front of HTTP enforces the timeouts and
    // masked client frames.
    let webSocketResponder = webSocketRouter.buildResponder()
    let channelConfiguration = HTTP1WebSocketUpgradeChannel.Configuration(
        ws: .init(
            maxFrameSize: 1 << 20, autoPing: .enabled(timePeriod: configuration.pingPeriod), validateUTF8: true))
    let server = HTTPServerBuilder { responder in
        HTTPSOnlyChannel(
            base: try TLSChannel(
                GuardedChannel(
                    base: HTTP1WebSocketUpgradeChannel(
                        responder: ExpectContinue.wrapping(responder), webSocketResponder: webSocketResponder,
                        configuration: channelConfiguration),
                    idleTimeout: configuration.idleTimeout, headerTimeout: configuration.headerTimeout,
                    bearers: services.store.bearers),
                tlsConfiguration: tls))
    }
    return Application(
        router: buildRouter(services: services), server: server,
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "lp-sandbox"),
        onServerRunning: onServerRunning, logger: services.logger)
}
