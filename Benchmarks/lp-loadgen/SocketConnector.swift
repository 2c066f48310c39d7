import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NIOWebSocket

/// Opens consumer WebSockets over TLS with plain NIO handlers: TLS, HTTP/1.1 upgrade, then ``LoadSocketHandler``.
struct SocketConnector: Sendable {
    let host: String
    let port: Int
    let path: String
    /// `Authorization` header value, if any.
    let tls: NIOSSLContext
    let plan: LoadPlan

    /// Connects one socket on `loop`; `ready` completes once it can publish, `done` once it has all its acks.
    func connect(
        on loop: any EventLoop, stats: NIOLoopBound<LoopStats>, authorization: String?,
        ready: EventLoopPromise<Void>, done: EventLoopPromise<Void>
    ) -> EventLoopFuture<any Channel> {
        let plan = self.plan
        let tls = self.tls
        var headers = HTTPHeaders([("Host", "\(host):\(port)"), ("Content-Length", "0")])
        if let authorization { headers.add(name: "Authorization", value: authorization) }
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: path, headers: headers)
        return ClientBootstrap(group: loop)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(.seconds(30))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    // NIOSSL refuses an IP address as SNI; the sandbox certificate also names localhost.
                    let handler = try NIOSSLClientHandler(context: tls, serverHostname: "localhost")
                    try channel.pipeline.syncOperations.addHandler(handler)
                    let upgrader = NIOWebSocketClientUpgrader(maxFrameSize: 1 << 20) { channel, _ in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(
                                LoadSocketHandler(plan: plan, stats: stats.value, ready: ready, done: done))
                        }
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers(
                        withClientUpgrade: (upgraders: [upgrader], completionHandler: { _ in }))
                    try channel.pipeline.syncOperations.addHandler(UpgradeRequestHandler(head: head, ready: ready))
                }
            }
            .connect(host: host, port: port)
    }
}

/// Sends the upgrade request once connected, and fails `ready` if the upgrade does not happen. Stays in the
/// pipeline afterwards, passing every read through untouched.
final class UpgradeRequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let head: HTTPRequestHead
    private let ready: EventLoopPromise<Void>
    private var failed = false

    init(head: HTTPRequestHead, ready: EventLoopPromise<Void>) {
        self.head = head
        self.ready = ready
    }

    func channelActive(context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(LoadFailure("connection closed during the upgrade"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
        context.fireErrorCaught(error)
        context.close(promise: nil)
    }

    /// `ready` may already have succeeded (failing a completed promise is ignored by NIO, but say it explicitly).
    private func fail(_ error: any Error) {
        guard !failed else { return }
        failed = true
        ready.fail(error)
    }
}
