import LivePersonAPI
import Logging
import NIOCore
import NIOWebSocket

/// Runs one messaging socket on its event loop, after the WebSocket upgrade: each text message is answered on the
/// thread that read it (``SocketReader`` reaches the store under its lock), with no task, stream or actor hop per
/// frame or per socket (BENCHMARKS.md, "Issue 19: sandbox load targets"). It does what swift-websocket's handler
/// did for the socket: pings every `pingPeriod` (no pong by the next one: 1001 "Ping timeout"), answers pings and
/// close frames, closes with a close frame and waits `closeTimeout` for the client's.
final class MessagingSocketHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    enum State {
        case open
        /// This side sent its close frame and waits for the client's.
        case closing
        case closed
    }

    private(set) var state = State.open
    private var reader: SocketReader
    private let writer: ChannelTextWriter
    private let sockets: OpenSockets
    private let pingPeriod: Duration
    private let closeTimeout: Duration
    private var message = MessageAssembly(maxSize: 1 << 20)
    /// Frames from a client whose token was refused are not read: its socket is about to be closed.
    private var refused = false
    /// The data of the last ping, until its pong comes.
    private var unansweredPing: ByteBuffer?
    private var pinger: RepeatedTask?
    /// Answers were written unflushed during this read.
    private var needsFlush = false
    private var closeTimer: Scheduled<Void>?

    init(
        session: SocketSession, writer: ChannelTextWriter, sockets: OpenSockets, pingPeriod: Duration,
        closeTimeout: Duration
    ) {
        var reader = SocketReader(session: session, outbox: Outbox(writer: writer))
        reader.replies = reader.outbox.unflushed
        self.reader = reader
        self.writer = writer
        self.sockets = sockets
        self.pingPeriod = pingPeriod
        self.closeTimeout = closeTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        sockets.insert(context.channel)
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        if pingPeriod > .zero {
            let period = SocketReader.timeAmount(pingPeriod)
            pinger = context.eventLoop.scheduleRepeatedTask(initialDelay: period, delay: period) { _ in
                let (handler, context) = loopBound.value
                handler.ping(context: context)
            }
        }
        guard reader.open() else {
            refused = true
            let reader = self.reader
            context.eventLoop.scheduleTask(in: .milliseconds(100)) { reader.refuse() }
            return
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .connectionClose:
            receivedClose(frame, context: context)
        case .ping:
            guard case .open = state else { return }
            guard frame.fin, frame.length < 126 else {
                close(code: .protocolError, reason: nil, context: context)
                context.close(promise: nil)
                return
            }
            context.writeAndFlush(
                wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)), promise: nil)
        case .pong:
            if case .open = state, frame.fin, frame.unmaskedData == unansweredPing { unansweredPing = nil }
        case .text, .binary, .continuation:
            guard case .open = state, !refused else { return }
            guard frame.reservedBits.isEmpty else {
                close(code: .protocolError, reason: nil, context: context)
                return
            }
            switch message.append(frame) {
            case .incomplete:
                break
            case .text(let text):
                reader.handle(text)
                needsFlush = true
            case .binary:
                reader.outbox.send(FrameEncoder.failure(reqId: nil, .badRequest("Binary frames are not supported")))
            case .failed(let code):
                close(code: code, reason: nil, context: context)
            }
        default:
            close(code: .protocolError, reason: nil, context: context)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let request = event as? SocketCloseRequest {
            close(code: WebSocketErrorCode(codeNumber: Int(request.code)), reason: request.reason, context: context)
        } else if let event = event as? ChannelEvent, event == .inputClosed {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        state = .closed
        pinger?.cancel()
        closeTimer?.cancel()
        writer.stop()
        reader.close()
        sockets.remove(context.channel)
        if let connection = reader.connection {
            // Never inside a store call: a write of the store's can close this channel on this very thread.
            let store = reader.store
            context.eventLoop.execute { store.withState { $0.disconnect(connection) } }
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        reader.session.logger.debug("socket read ended", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }

    /// Sends a close frame (once) and waits `closeTimeout` for the client's before closing the connection.
    func close(code: WebSocketErrorCode, reason: String?, context: ChannelHandlerContext) {
        guard case .open = state else { return }
        state = .closing
        writer.stop()
        pinger?.cancel()
        context.writeAndFlush(
            wrapOutboundOut(Self.closeFrame(code, reason: reason, allocator: context.channel.allocator)), promise: nil)
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        closeTimer = context.eventLoop.scheduleTask(in: SocketReader.timeAmount(closeTimeout)) {
            loopBound.value.close(promise: nil)
        }
    }

    /// The client's close frame: answered with one of ours unless this side closed first, then the connection ends.
    private func receivedClose(_ frame: WebSocketFrame, context: ChannelHandlerContext) {
        switch state {
        case .open:
            guard frame.reservedBits.isEmpty else {
                close(code: .protocolError, reason: nil, context: context)
                return
            }
            state = .closed
            writer.stop()
            pinger?.cancel()
            let answer = Self.closeFrame(
                Self.answer(toClose: frame.unmaskedData), reason: nil, allocator: context.channel.allocator)
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(wrapOutboundOut(answer)).whenComplete { _ in loopBound.value.close(promise: nil) }
        case .closing:
            state = .closed
            context.close(promise: nil)
        case .closed:
            break
        }
    }

    /// Sends a ping, or closes with 1001 when the last one got no pong.
    private func ping(context: ChannelHandlerContext) {
        guard case .open = state else { return }
        guard unansweredPing == nil else {
            close(code: .goingAway, reason: "Ping timeout", context: context)
            context.close(promise: nil)
            return
        }
        var data = context.channel.allocator.buffer(capacity: 16)
        for _ in 0..<2 { data.writeInteger(UInt64.random(in: .min ... .max)) }
        unansweredPing = data
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .ping, data: data)), promise: nil)
    }
}
