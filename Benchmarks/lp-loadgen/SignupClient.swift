import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Fetches consumer JWTs from the sandbox IdP (`POST /api/account/{a}/signup` → `{"jwt":…}`), one per socket,
/// over a few keep-alive HTTPS connections.
struct SignupClient: Sendable {
    let host: String
    let port: Int
    let account: String
    let tls: NIOSSLContext

    func tokens(_ count: Int, group: any EventLoopGroup, connections: Int = 4) async throws -> [String] {
        let connections = max(1, min(connections, count))
        var futures: [EventLoopFuture<[String]>] = []
        for index in 0..<connections {
            let share = count / connections + (index < count % connections ? 1 : 0)
            futures.append(fetch(share, on: group.next()))
        }
        var tokens: [String] = []
        for future in futures {
            tokens += try await future.get()
        }
        return tokens
    }

    private func fetch(_ count: Int, on loop: any EventLoop) -> EventLoopFuture<[String]> {
        let promise = loop.makePromise(of: [String].self)
        let tls = self.tls
        let head = HTTPRequestHead(
            version: .http1_1, method: .POST, uri: "/api/account/\(account)/signup",
            headers: HTTPHeaders([
                ("Host", "\(host):\(port)"), ("Content-Type", "application/json"), ("Content-Length", "2"),
            ]))
        let connected = ClientBootstrap(group: loop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        try NIOSSLClientHandler(context: tls, serverHostname: "localhost"))
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(
                        SignupHandler(head: head, count: count, promise: promise))
                }
            }
            .connect(host: host, port: port)
        connected.whenFailure { promise.fail($0) }
        promise.futureResult.and(connected).whenComplete { result in
            if case .success((_, let channel)) = result { channel.close(promise: nil) }
        }
        return promise.futureResult
    }
}

/// Sends `count` signup requests one after the other on one connection and collects the tokens.
final class SignupHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let head: HTTPRequestHead
    private let count: Int
    private let promise: EventLoopPromise<[String]>
    private var tokens: [String] = []
    private var body = ByteBuffer()
    private var status = HTTPResponseStatus.ok

    init(head: HTTPRequestHead, count: Int, promise: EventLoopPromise<[String]>) {
        self.head = head
        self.count = count
        self.promise = promise
    }

    func channelActive(context: ChannelHandlerContext) {
        if count == 0 {
            promise.succeed([])
        } else {
            sendRequest(context: context)
        }
        context.fireChannelActive()
    }

    private func sendRequest(context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: "{}")))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let response):
            status = response.status
            body.clear()
        case .body(var part):
            body.writeBuffer(&part)
        case .end:
            guard status == .ok, let token = FrameScanner.string("jwt", in: body) else {
                promise.fail(LoadFailure("signup answered \(status.code): \(String(buffer: body).prefix(200))"))
                context.close(promise: nil)
                return
            }
            tokens.append(token)
            if tokens.count == count {
                promise.succeed(tokens)
            } else {
                sendRequest(context: context)
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(LoadFailure("signup connection closed after \(tokens.count) of \(count) tokens"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(error)
        context.close(promise: nil)
    }
}
