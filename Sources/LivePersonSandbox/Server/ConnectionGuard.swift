import NIOCore

/// Sits between TLS and HTTP on every connection and does what production servers do before the application sees
/// a byte: closes a connection that sends no request within the idle timeout (a TLS handshake that never ends
/// included), answers 408 and closes when the first request head is not complete within the header read timeout,
/// and, once the connection is a WebSocket, closes it with 1002 when a client frame is not masked (RFC 6455 §5.1).
/// The decisions are ``ConnectionGuardState``'s.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    /// The two deadlines a connection can miss.
    private enum Deadline {
        /// No byte of a request within `idleTimeout` of connecting.
        case firstByte
        /// The first request head not complete within `headerTimeout` of its first byte.
        case endOfHead
    }

    private let idleTimeout: Duration
    private let headerTimeout: Duration
    private var state = ConnectionGuardState()
    private var timer: Scheduled<Void>?

    init(idleTimeout: Duration, headerTimeout: Duration) {
        self.idleTimeout = idleTimeout
        self.headerTimeout = headerTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        schedule(.firstByte, context: context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        let before = state.phase
        switch state.received(buffer.readableBytesView) {
        case .forward:
            if before == .awaitingRequest && state.phase == .readingHead {
                schedule(.endOfHead, context: context)
            } else if before != state.phase && state.phase != .readingHead {
                timer?.cancel()
            }
            if state.phase != .closed { context.fireChannelRead(data) }
        case .unmaskedFrame:
            refuseUnmaskedFrame(context: context)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if state.phase == .awaitingUpgrade, case .byteBuffer(let buffer) = unwrapOutboundIn(data) {
            state.sent(buffer.readableBytesView.prefix(12))
            if state.takeEarlyVerdict() == .unmaskedFrame {
                context.write(data, promise: promise)
                refuseUnmaskedFrame(context: context)
                return
            }
        }
        context.write(data, promise: promise)
    }

    /// Close code 1002 with its reason, then the connection closes: the frame goes no further.
    private func refuseUnmaskedFrame(context: ChannelHandlerContext) {
        let reason = Array("client frames must be masked".utf8)
        var frame = ByteBuffer(bytes: [0x88, UInt8(2 + reason.count), 0x03, 0xEA])
        frame.writeBytes(reason)
        context.writeAndFlush(NIOAny(IOData.byteBuffer(frame))).whenComplete { _ in context.close(promise: nil) }
    }

    private func schedule(_ deadline: Deadline, context: ChannelHandlerContext) {
        timer?.cancel()
        let duration = deadline == .firstByte ? idleTimeout : headerTimeout
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: .nanoseconds(Int64(duration / .nanoseconds(1)))) {
            let (handler, context) = loopBound.value
            handler.missed(deadline, context: context)
        }
    }

    /// Closes the connection; a started head gets `408 Request Timeout` first, as nginx and Apache answer.
    private func missed(_ deadline: Deadline, context: ChannelHandlerContext) {
        state.close()
        guard deadline == .endOfHead else {
            context.close(promise: nil)
            return
        }
        let answer = "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
        context.writeAndFlush(NIOAny(IOData.byteBuffer(ByteBuffer(string: answer))))
            .whenComplete { _ in context.close(promise: nil) }
    }
}
