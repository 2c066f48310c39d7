import Hummingbird
import LivePersonAPI
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A sandbox listening on its port, started in-process by ``start(_:)`` and ended by ``stop()``.
public final class RunningSandbox: Sendable {
    /// The address it is bound to.
    public let host: String
    /// The port it listens on (the real one when 0 was asked for).
    public let port: Int
    /// The account the export lines name; every other account id works too, created on first use.
    public let account: String
    /// The unauthenticated connector id of ``account`` (`LP_CONN_ID`).
    public let connectorID: String
    /// The sandbox CA certificate (PEM).
    public let caCertificatePath: String
    /// System CAs plus the sandbox CA, for `curl --cacert`, `SSL_CERT_FILE` and `NODE_EXTRA_CA_CERTS`.
    public let caBundlePath: String
    /// The server certificate (PEM), for a key pin.
    let serverCertificatePEM: String?
    /// The `host:port` every CSDS service answers with.
    public let hostPort: String

    /// The store and signer the server uses (tests reach the sandbox's state through it).
    let services: SandboxServices
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    /// The class's roster ticker (``ClassRoom/run()``), in a class.
    private let ticker: Task<Void, Never>?

    private init(
        host: String, port: Int, account: String, connectorID: String, authority: CertificateAuthority,
        hostPort: String, services: SandboxServices, group: ServiceGroup, task: Task<Void, any Error>,
        ticker: Task<Void, Never>?
    ) {
        self.ticker = ticker
        self.services = services
        self.host = host
        self.port = port
        self.account = account
        self.connectorID = connectorID
        self.caCertificatePath = authority.caCertificatePath
        self.serverCertificatePEM = authority.serverCertificatePEM
        self.caBundlePath = authority.bundlePath
        self.hostPort = hostPort
        self.group = group
        self.task = task
    }

    /// A failure to start: the keys or the `--data` directory could not be prepared, or the port could not be bound.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Loads (or on first run creates) the keys, binds, and returns once the server is listening.
    public static func start(_ configuration: SandboxConfiguration, logger: Logger? = nil) async throws
        -> RunningSandbox
    {
        var logger = logger ?? Logger(label: "lp-sandbox")
        if let name = ProcessInfo.processInfo.environment["LOG_LEVEL"],
            let level = Logger.Level(rawValue: name.lowercased())
        {
            logger.logLevel = level
        } else if logger.logLevel < .notice {
            logger.logLevel = .notice
        }
        logger.handler = SandboxLogHandler(wrapping: logger.handler)
        let directory = configuration.resolvedCADirectory()
        let authority: CertificateAuthority
        do {
            authority = try CertificateAuthority.loadOrCreate(
                directory: directory,
                serverNames: configuration.classroom == nil ? [] : ClassRoom.serverNames(for: configuration.host))
        } catch {
            throw StartError(description: "cannot prepare the sandbox keys in \(directory): \(error)")
        }
        let bot = BotAgent(enabled: configuration.botEnabled, delay: configuration.botReplyDelay)
        let surveyBot = SurveyBot(enabled: configuration.surveyEnabled, timeout: configuration.surveyTimeout)
        let store: InMemorySandboxStore
        if let dataDirectory = configuration.dataDirectory {
            do {
                store = try InMemorySandboxStore.open(bot: bot, surveyBot: surveyBot, dataDirectory: dataDirectory)
            } catch {
                throw StartError(description: error.description)
            }
        } else {
            store = InMemorySandboxStore(bot: bot, surveyBot: surveyBot)
        }
        await store.resumeSurveys()
        let address = AdvertisedAddress(AdvertisedAddress.format(host: configuration.host, port: configuration.port))
        let classroom = try configuration.classroom.map { settings in
            try ClassRoom.make(
                settings: settings, configuration: configuration, authority: authority, store: store,
                address: address)
        }
        let services = SandboxServices(
            configuration: configuration, store: store, signer: TokenSigner(key: authority.signingKey),
            address: address, logger: logger, classroom: classroom)

        let (started, continuation) = AsyncStream<Int>.makeStream()
        let application = try buildApplication(services: services, authority: authority) { channel in
            continuation.yield(channel.localAddress?.port ?? configuration.port)
            continuation.finish()
        }
        // A name of its own: without one, ServiceLifecycle describes the application with `"\(service)"`, a reflection
        // of its whole generic type that cost 6% of the embedded sandbox's start-up.
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: application, serviceName: "lp-sandbox")], gracefulShutdownSignals: [],
                logger: logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = started.makeAsyncIterator()
        guard let port = await iterator.next() else {
            let reason: String
            do {
                try await task.value
                reason = "the server stopped before listening"
            } catch {
                reason = Self.reason(for: error)
            }
            throw StartError(
                description:
                    "cannot listen on \(AdvertisedAddress.format(host: configuration.host, port: configuration.port)): \(reason)"
            )
        }
        address.hostPort = AdvertisedAddress.format(host: configuration.host, port: port)
        // A class on a wildcard bind advertises the address other machines reach (its certificate names it), in
        // CSDS answers as in the join line: learners are on other machines.
        if configuration.classroom != nil, let reachable = ClassRoom.learnerHost(for: configuration.host) {
            address.hostPort = AdvertisedAddress.format(host: reachable, port: port)
        }
        let ticker = classroom.map { room in Task { await room.run() } }
        let account = await store.account(configuration.defaultAccount)
        return RunningSandbox(
            host: configuration.host, port: port, account: account.id, connectorID: account.connectorID,
            authority: authority, hostPort: address.hostPort, services: services, group: group,
            task: task, ticker: ticker)
    }

    /// The variables a shell needs to run the tutorials against this sandbox, in print order.
    public var exports: [(name: String, value: String)] {
        Self.exports(
            hostPort: hostPort, account: account, connectorID: connectorID, caCertificatePath: caCertificatePath,
            caBundlePath: caBundlePath)
    }

    /// The ``exports`` a sandbox started with `configuration` will have: known before it starts when its port is
    /// (a ``PortReservation``'s), so a shell can show its prompt while the server is still starting.
    public static func plannedExports(for configuration: SandboxConfiguration) -> [(name: String, value: String)] {
        let directory = configuration.resolvedCADirectory()
        typealias FileName = CertificateAuthority.FileName
        return exports(
            hostPort: AdvertisedAddress.format(host: configuration.host, port: configuration.port),
            account: configuration.defaultAccount,
            connectorID: InMemorySandboxStore.connectorID(for: configuration.defaultAccount),
            caCertificatePath: CertificateAuthority.path(of: FileName.caCertificate, in: directory),
            caBundlePath: CertificateAuthority.path(of: FileName.bundle, in: directory))
    }

    private static func exports(
        hostPort: String, account: String, connectorID: String, caCertificatePath: String, caBundlePath: String
    ) -> [(name: String, value: String)] {
        var lines = serviceExports(hostPort: hostPort, account: account, connectorID: connectorID)
        lines.append(("LP_SANDBOX_CA", caCertificatePath))
        lines.append(("SSL_CERT_FILE", caBundlePath))
        lines.append(("CURL_CA_BUNDLE", caBundlePath))
        lines.append(("NODE_EXTRA_CA_CERTS", caBundlePath))
        return lines
    }

    /// The account, its connector and app, and every service host: the exports without the CA files (a class
    /// learner points those at its own copy of the class CA).
    static func serviceExports(hostPort: String, account: String, connectorID: String)
        -> [(name: String, value: String)]
    {
        var lines: [(name: String, value: String)] = [
            ("LP_CSDS", hostPort),
            ("LP_ACCOUNT", account),
            ("LP_CONN_ID", connectorID),
            ("LP_APP_CONN_ID", connectorID),
            ("LP_CLIENT_ID", AppInstallation(account: account).clientId),
            ("LP_CLIENT_SECRET", AppInstallation(account: account).clientSecret),
            // The survey dialogs' `metaData.appInstallId`: a survey bot of one's own (node-agent-sdk's survey-bot
            // reads it as APP_INST) takes only the surveys of its app installation.
            ("LP_SURVEY_APP_INSTALL_ID", SurveyBot.appInstallId),
        ]
        for service in ServiceName.allCases {
            lines.append((service.environmentVariable, hostPort))
        }
        return lines
    }

    /// Closes every socket (close code 1000) and stops listening.
    public func stop() async {
        ticker?.cancel()
        await services.sockets.closeAll()
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    /// A bind failure in plain words: NIO's error descriptions name Swift types (`SocketAddressError.UnknownHost`).
    static func reason(for error: any Error) -> String {
        let text = "\(error)"
        if text.contains("Address already in use") { return "the port is already in use" }
        if text.contains("UnknownHost") { return "unknown host (use an IP address or a name this machine resolves)" }
        if text.contains("Cannot assign requested address") { return "no network interface has that address" }
        if text.contains("Permission denied") { return "permission denied (ports below 1024 need root)" }
        return text
    }
}
