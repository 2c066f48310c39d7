import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1
import NIOWebSocket

/// The server's child channel: HTTP/1.1 for the REST routes and the WebSocket upgrade of the messaging sockets,
/// whose frames a ``MessagingSocketHandler`` then answers on the event loop. Hummingbird's
/// `HTTP1WebSocketUpgradeChannel` ran every socket as tasks (the connection's, a ping loop, the session's reader and
/// writer) fed through an async sequence; this one sets up the same HTTP side and nothing per socket but handlers.
struct MessagingUpgradeChannel: ServerChildChannel, HTTPChannelHandler {
    enum UpgradeResult: Sendable {
        /// A messaging socket, running on its own from now on.
        case socket
        case notUpgraded(NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>)
        /// An upgrade that was asked for and refused: an empty `400`, as Hummingbird answers it.
        case failedUpgrade(NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>)
    }

    struct Value: ServerChildChannelValue {
        let upgradeResult: EventLoopFuture<UpgradeResult>
        let channel: any Channel
    }

    let responder: HTTPChannelHandler.Responder
    let services: SandboxServices

    init(responder: @escaping HTTPChannelHandler.Responder, services: SandboxServices) {
        self.responder = RedirectingUpgrades.wrapping(responder)
        self.services = services
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let upgradeAttempted = NIOLoopBoundBox(false, eventLoop: channel.eventLoop)
            let services = self.services
            let upgrader = NIOTypedWebSocketServerUpgrader<UpgradeResult>(
                maxFrameSize: 1 << 20,
                shouldUpgrade: { channel, head in
                    upgradeAttempted.value = true
                    let session = MessagingSocketOpening.session(for: head, services: services, channel: channel)
                    return channel.eventLoop.makeSucceededFuture(session == nil ? nil : HTTPHeaders())
                },
                upgradePipelineHandler: { channel, head in
                    channel.eventLoop.makeCompletedFuture {
                        guard
                            let session = MessagingSocketOpening.session(
                                for: head, services: services, channel: channel)
                        else { throw ChannelError.inappropriateOperationForState }
                        let operations = channel.pipeline.syncOperations
                        let encoder = try operations.handler(type: WebSocketFrameEncoder.self)
                        try operations.addHandler(CloseFrameGate(), position: .after(encoder))
                        try operations.addHandler(
                            MessagingSocketHandler(
                                session: session, writer: ChannelTextWriter(channel: channel),
                                sockets: services.sockets, pingPeriod: services.configuration.pingPeriod,
                                closeTimeout: .seconds(15)))
                        return UpgradeResult.socket
                    }
                })
            let upgradeConfiguration = NIOTypedHTTPServerUpgradeConfiguration(
                upgraders: [upgrader],
                notUpgradingCompletionHandler: { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let operations = channel.pipeline.syncOperations
                        try operations.addHandler(HTTP1ToHTTPServerCodec(secure: false))
                        try operations.addHandler(HTTPConnectionStateHandler(idleTimeout: nil, logger: logger))
                        let asyncChannel = try NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>(
                            wrappingChannelSynchronously: channel,
                            configuration: .init(isOutboundHalfClosureEnabled: true))
                        return upgradeAttempted.value ? .failedUpgrade(asyncChannel) : .notUpgraded(asyncChannel)
                    }
                })
            var configuration = NIOUpgradableHTTPServerPipelineConfiguration<UpgradeResult>(
                upgradeConfiguration: upgradeConfiguration)
            configuration.enablePipelining = false  // HTTP is pipelined by NIOAsyncChannel
            configuration.enableErrorHandling = false  // Hummingbird's HTTP handling answers errors
            configuration.enableResponseHeaderValidation = false  // Swift HTTP Types validate them already
            let decoder = HTTP1Channel.Configuration().httpDecoder
            configuration.decoderConfiguration.maxHeaderFieldSize = decoder.maxHeaderFieldSize
            configuration.decoderConfiguration.maxHeaderListSize = decoder.maxHeaderListSize
            configuration.decoderConfiguration.maxHeaderFieldCount = decoder.maxHeaderFieldCount
            let result = try channel.pipeline.syncOperations.configureUpgradableHTTPServerPipeline(
                configuration: configuration)
            return Value(upgradeResult: result, channel: channel)
        }
    }

    /// Logs as Hummingbird's channel does: ``SandboxLogHandler`` turns its error for a connection closed before any
    /// request into a notice.
    func handle(value: Value, logger: Logger) async {
        do {
            switch try await value.upgradeResult.get() {
            case .socket:
                return
            case .notUpgraded(let http1):
                await handleHTTP(asyncChannel: http1, logger: logger)
            case .failedUpgrade(let http1):
                logger.debug("Websocket upgrade failed")
                do {
                    try await http1.executeThenClose { _, outbound in
                        let head = HTTPResponse(
                            status: .badRequest, headerFields: [.connection: "close", .contentLength: "0"])
                        try await outbound.write(contentsOf: [.head(head), .end(nil)])
                    }
                } catch {
                    logger.trace("Failed to write to Channel. Error: \(error)")
                }
            }
        } catch let error as ChannelError where error == .inputClosed {
            logger.trace("Upgrade failed as input was closed")
        } catch {
            logger.error("Error handling upgrade result", metadata: ["error.type": .string("\(error)")])
        }
    }
}
