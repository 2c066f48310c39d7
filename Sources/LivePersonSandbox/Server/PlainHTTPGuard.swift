import NIOCore

/// The first handler of every connection, in front of TLS: when the client's first bytes are a plain HTTP request
/// (``PlainHTTPProbe``), it answers `400` saying to use `https://` and closes; on a TLS handshake it steps out of the
/// pipeline, so that it costs nothing afterwards.
final class PlainHTTPGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// How long the answered connection waits for the client to hang up before closing it.
    static let lingerTime = TimeAmount.seconds(1)

    /// The bytes of a plain request head that has not ended yet.
    private var pending: ByteBuffer?
    /// Whether the 400 was sent: what the client sends afterwards is read and dropped, so that closing does not
    /// reset the connection before the client has read the answer.
    private var answered = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !answered else { return }
        var buffer = unwrapInboundIn(data)
        if var earlier = pending {
            earlier.writeBuffer(&buffer)
            buffer = earlier
        }
        switch PlainHTTPProbe.inspect(buffer.readableBytesView) {
        case .notHTTP:
            pending = nil
            context.fireChannelRead(wrapInboundOut(buffer))
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        case .needMore:
            pending = buffer
        case .plainHTTP(let target, let host):
            pending = nil
            answered = true
            answer(target: target, host: host, context: context)
        }
    }

    private func answer(target: String, host: String?, context: ChannelHandlerContext) {
        let local = context.channel.localAddress
        let fallbackHost: String
        if let ip = local?.ipAddress, let port = local?.port {
            fallbackHost = ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)"
        } else {
            fallbackHost = "localhost"
        }
        let text = PlainHTTPProbe.answer(target: target, host: host, fallbackHost: fallbackHost)
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(NIOAny(ByteBuffer(string: text))).whenComplete { _ in
            let context = loopBound.value
            // Half-close: the client reads the whole answer and hangs up (the channel then closes); a client that
            // does not is closed after a moment.
            context.close(mode: .output, promise: nil)
            context.eventLoop.scheduleTask(in: Self.lingerTime) { loopBound.value.close(promise: nil) }
        }
    }
}
