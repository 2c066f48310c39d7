import HTTPTransfer
import NIOCore

/// The proxy answered `CONNECT` with something other than 2xx.
struct WSCatTunnelRefused: Error, Sendable {
    var status: Int
    var reason: String
}

/// Opens a `CONNECT host:port` tunnel through an HTTP proxy (as wscat's `--proxy` does) before TLS and the
/// WebSocket upgrade: sends the request once the connection is up, reads the proxy's answer, and completes
/// `established` (then takes itself out of the pipeline) or fails it with ``WSCatTunnelRefused``.
final class WSCatProxyTunnel: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private let request: String
    let established: EventLoopPromise<Void>
    private var received: [UInt8] = []
    private var sent = false
    private var completed = false

    /// - Parameter authority: the server's `host:port`, as the `CONNECT` target.
    init(authority: String, authorization: String?, eventLoop: any EventLoop) {
        var lines = ["CONNECT \(authority) HTTP/1.1", "Host: \(authority)"]
        if let authorization { lines.append("Proxy-Authorization: \(authorization)") }
        request = lines.joined(separator: "\r\n") + "\r\n\r\n"
        established = eventLoop.makePromise()
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { sendRequest(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        sendRequest(context)
        context.fireChannelActive()
    }

    private func sendRequest(_ context: ChannelHandlerContext) {
        guard !sent else { return }
        sent = true
        context.writeAndFlush(NIOAny(ByteBuffer(string: request)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        received += buffer.readBytes(length: buffer.readableBytes) ?? []
        // The proxy's answer is read as curl's direct transport reads a response head.
        let parsed: (head: CurlResponseHead, length: Int)?
        do {
            parsed = try HTTP1Response.parseHead(received[...])
        } catch {
            fail(context, status: 0, reason: "an answer that is not HTTP")
            return
        }
        guard let (head, _) = parsed else { return }
        guard (200..<300).contains(head.status) else {
            fail(context, status: head.status, reason: head.reason)
            return
        }
        complete(.success(()))
        context.pipeline.syncOperations.removeHandler(self, promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        complete(.failure(ChannelError.eof))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        complete(.failure(error))
        context.close(promise: nil)
    }

    private func fail(_ context: ChannelHandlerContext, status: Int, reason: String) {
        complete(.failure(WSCatTunnelRefused(status: status, reason: reason)))
        context.close(promise: nil)
    }

    /// Completes `established` once; later outcomes (the close that follows a refusal) are dropped.
    private func complete(_ result: Result<Void, any Error>) {
        guard !completed else { return }
        completed = true
        established.completeWith(result)
    }
}
