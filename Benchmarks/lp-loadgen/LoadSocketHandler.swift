import Histogram
import NIOCore
import NIOWebSocket

/// One consumer socket of a load run, after the WebSocket upgrade: requests a conversation (sandbox) and reports
/// ready; once started, publishes its messages, closed loop (``LoadPlan/inFlight`` at a time) or open loop (one
/// every ``LoadPlan/sendInterval``), and records each ack's latency in its loop's ``LoopStats``.
final class LoadSocketHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private enum Phase {
        case opening, ready, publishing, finished, closed
    }

    private let plan: LoadPlan
    private let stats: LoopStats
    private let ready: EventLoopPromise<Void>
    private let done: EventLoopPromise<Void>
    private var context: ChannelHandlerContext?
    private var phase = Phase.opening
    private var prefix = RequestFrames.publishPrefix()
    private var suffix = RequestFrames.publishSuffix(dialogId: "echo")
    /// Send time of each in-flight request, indexed by `id % sentAt.count`.
    private var sentAt: [UInt64]
    private var sent = 0
    private var acked = 0
    private var timer: RepeatedTask?

    /// Request ids: 1 is the conversation request, publishes are 2...
    private static let firstPublishID = 2

    init(plan: LoadPlan, stats: LoopStats, ready: EventLoopPromise<Void>, done: EventLoopPromise<Void>) {
        self.plan = plan
        self.stats = stats
        self.ready = ready
        self.done = done
        // Open loop can have many requests in flight; the ring must hold them all.
        self.sentAt = Array(repeating: 0, count: plan.sendInterval == nil ? plan.inFlight : 65_536)
    }

    var isOpen: Bool { phase != .closed }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        stats.open += 1
        stats.sockets.append(self)
        switch plan.target {
        case .sandbox:
            var buffer = context.channel.allocator.buffer(capacity: 80)
            buffer.writeString(RequestFrames.requestConversation(id: 1))
            send(buffer, context: context)
            context.flush()
        case .echo:
            phase = .ready
            ready.succeed()
        }
    }

    /// Starts publishing; called on the socket's event loop.
    func start() {
        guard phase == .ready, let context else { return }
        phase = .publishing
        if let interval = plan.sendInterval {
            let offset = Int64.random(in: 0..<interval)
            let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
            timer = context.eventLoop.scheduleRepeatedTask(
                initialDelay: .nanoseconds(offset), delay: .nanoseconds(interval)
            ) { task in
                let (handler, context) = bound.value
                guard handler.phase == .publishing, handler.sent < handler.plan.messages else {
                    task.cancel()
                    return
                }
                handler.publishNext(context: context)
                context.flush()
            }
        } else {
            for _ in 0..<min(plan.inFlight, plan.messages) {
                publishNext(context: context)
            }
            context.flush()
        }
    }

    private func publishNext(context: ChannelHandlerContext) {
        let id = Self.firstPublishID + sent
        sent += 1
        var buffer = context.channel.allocator.buffer(capacity: prefix.readableBytes + suffix.readableBytes + 12)
        RequestFrames.writePublish(id: id, prefix: prefix, suffix: suffix, into: &buffer)
        sentAt[id % sentAt.count] = NIODeadline.now().uptimeNanoseconds
        send(buffer, context: context)
    }

    private func send(_ buffer: ByteBuffer, context: ChannelHandlerContext) {
        let frame = WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: buffer)
        context.write(wrapOutboundOut(frame), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text:
            received(frame.unmaskedData, context: context)
        case .ping:
            let pong = WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .connectionClose:
            if phase != .finished {
                var data = frame.unmaskedData
                let code = data.readInteger(as: UInt16.self).map(String.init) ?? "none"
                fail("server closed the socket (code \(code)): \(String(buffer: data))")
            }
            context.close(promise: nil)
        default:
            break
        }
    }

    private func received(_ text: ByteBuffer, context: ChannelHandlerContext) {
        let reqId: Int?
        switch plan.target {
        case .sandbox: reqId = FrameScanner.integer("reqId", in: text)
        case .echo: reqId = FrameScanner.integer("id", in: text)
        }
        guard let reqId else { return }  // a notification
        if reqId == 1 {
            guard phase == .opening, let dialogId = FrameScanner.string("conversationId", in: text) else {
                fail("no conversation: \(String(buffer: text))")
                context.close(promise: nil)
                return
            }
            suffix = RequestFrames.publishSuffix(dialogId: dialogId)
            phase = .ready
            ready.succeed()
            return
        }
        let now = NIODeadline.now().uptimeNanoseconds
        let started = sentAt[reqId % sentAt.count]
        _ = stats.latency.record(now &- started)
        stats.acks += 1
        if plan.target == .sandbox, let code = FrameScanner.integer("code", in: text), code != 200 {
            stats.recordError("ack \(code): \(String(buffer: text).prefix(200))")
        }
        acked += 1
        if acked == plan.messages {
            phase = .finished
            done.succeed()
        } else if plan.sendInterval == nil, sent < plan.messages {
            publishNext(context: context)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if phase != .finished { fail("socket closed after \(acked) of \(plan.messages) acks") }
        phase = .closed
        stats.open -= 1
        timer?.cancel()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail("socket error: \(error)")
        context.close(promise: nil)
    }

    private func fail(_ message: String) {
        guard phase != .finished, phase != .closed else { return }
        stats.recordError(message)
        if phase == .opening { ready.fail(LoadFailure(message)) }
        phase = .finished
        done.fail(LoadFailure(message))
    }
}

/// A socket that did not finish its run.
struct LoadFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
