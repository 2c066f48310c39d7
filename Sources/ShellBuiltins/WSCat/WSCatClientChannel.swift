import HTTPTransfer
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import NIOWebSocket
import WSClient
@_spi(WSInternal) import WSCore

/// The WebSocket upgrade as swift-websocket's `WebSocketClientChannel` does it, except that a refused upgrade
/// keeps the server's status and body (WSClient only reports "upgrade failed"), the `Origin` header is sent only
/// when asked for, and IP-address hosts get no SNI.
struct WSCatClientChannel: ClientConnectionChannel {
    enum UpgradeResult: Sendable {
        case websocket(NIOAsyncChannel<WebSocketFrame, WebSocketFrame>)
        case refused(EventLoopFuture<RefusedUpgrade>)
    }

    typealias Value = EventLoopFuture<UpgradeResult>

    let url: WebSocketURL
    let headers: [(name: String, value: String)]
    let configuration: WebSocketHandler.Configuration
    let maxFrameSize: Int
    let sslContext: NIOSSLContext?
    /// The HTTP proxy to tunnel through (`--proxy`, or the environment's `https_proxy`…), if any.
    let proxy: CurlProxy?
    let handler: WebSocketDataHandler<WSCatSocketContext>

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard let proxy else {
            return channel.eventLoop.makeCompletedFuture { try setupUpgrade(channel: channel) }
        }
        // The connection goes to the proxy; TLS and the upgrade start once the tunnel is open.
        let tunnel = WSCatProxyTunnel(
            authority: url.authority,
            authorization: proxy.authorization,
            eventLoop: channel.eventLoop)
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(tunnel)
            return tunnel.established.futureResult.flatMapThrowing { try setupUpgrade(channel: channel) }
                .flatMap { $0 }
        }
    }

    private func setupUpgrade(channel: any Channel) throws -> Value {
        let upgrader = NIOTypedWebSocketClientUpgrader<UpgradeResult>(
            maxFrameSize: maxFrameSize,
            upgradePipelineHandler: { channel, _ in
                channel.eventLoop.makeCompletedFuture {
                    .websocket(
                        try NIOAsyncChannel<WebSocketFrame, WebSocketFrame>(wrappingChannelSynchronously: channel))
                }
            }
        )
        var requestHeaders = HTTPHeaders()
        requestHeaders.add(name: "Host", value: url.hostHeader)
        for header in headers { requestHeaders.add(name: header.name, value: header.value) }
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: url.target, headers: requestHeaders)
        let upgradeConfiguration = NIOTypedHTTPClientUpgradeConfiguration(
            upgradeRequestHead: head,
            upgraders: [upgrader],
            notUpgradingCompletionHandler: { channel in
                channel.eventLoop.makeCompletedFuture {
                    let promise = channel.eventLoop.makePromise(of: RefusedUpgrade.self)
                    try channel.pipeline.syncOperations.addHandler(RefusedUpgradeCollector(promise: promise))
                    return .refused(promise.futureResult)
                }
            }
        )
        var pipeline = NIOUpgradableHTTPClientPipelineConfiguration(upgradeConfiguration: upgradeConfiguration)
        pipeline.leftOverBytesStrategy = .forwardBytes
        if let sslContext {
            let tls = try NIOSSLClientHandler(context: sslContext, serverHostname: url.hostIsIPAddress ? nil : url.host)
            try channel.pipeline.syncOperations.addHandler(tls, position: .first)
        }
        return try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(configuration: pipeline)
    }

    func handle(value: Value, logger: Logger) async throws -> WebSocketCloseFrame? {
        switch try await value.get() {
        case .websocket(let channel):
            return try await WebSocketHandler.handle(
                type: .client, configuration: configuration, asyncChannel: channel,
                context: WSCatSocketContext(logger: logger, channel: channel.channel), handler: handler)
        case .refused(let response):
            throw try await response.get()
        }
    }
}

/// The context handed to the frame handler (WSClient's own is not constructible outside the package).
struct WSCatSocketContext: WebSocketContext {
    let logger: Logger
    /// The connection, for the handler to bound its wait for the server's close.
    let channel: any Channel
}

/// The server answered the upgrade request with an ordinary HTTP response.
struct RefusedUpgrade: Error, Sendable {
    var status: Int
    var body: String
}

/// Collects the response that refused the upgrade (its body up to 4 KiB) and closes the connection.
private final class RefusedUpgradeCollector: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let promise: EventLoopPromise<RefusedUpgrade>
    private var status = 0
    private var body: [UInt8] = []
    private var done = false

    init(promise: EventLoopPromise<RefusedUpgrade>) { self.promise = promise }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): status = Int(head.status.code)
        case .body(let buffer):
            if body.count < 4096 { body.append(contentsOf: buffer.readableBytesView.prefix(4096 - body.count)) }
        case .end:
            complete()
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        complete()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        complete()
        context.close(promise: nil)
    }

    private func complete() {
        guard !done else { return }
        done = true
        promise.succeed(RefusedUpgrade(status: status, body: String(decoding: body, as: UTF8.self)))
    }
}
