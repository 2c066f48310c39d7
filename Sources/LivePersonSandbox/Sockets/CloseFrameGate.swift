import NIOCore
import NIOWebSocket

/// Sits just above the WebSocket frame encoder of a messaging socket and drops data frames written after a close
/// frame (RFC 6455 §5.5.1). The WebSocket handler's own writer refused them once it had closed; text written straight
/// to the channel (``ChannelTextWriter``) passes here instead, so the rule holds whichever side closed first.
final class CloseFrameGate: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private var closeSent = false

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let opcode = unwrapOutboundIn(data).opcode
        if opcode == .connectionClose {
            closeSent = true
        } else if closeSent && (opcode == .text || opcode == .binary || opcode == .continuation) {
            promise?.fail(ChannelError.outputClosed)
            return
        }
        context.write(data, promise: promise)
    }

    /// Adds a gate to an upgraded socket's pipeline, next to its frame encoder.
    static func install(on channel: any Channel) async throws {
        try await channel.eventLoop.submit {
            let encoder = try channel.pipeline.syncOperations.handler(type: WebSocketFrameEncoder.self)
            try channel.pipeline.syncOperations.addHandler(CloseFrameGate(), position: .after(encoder))
        }.get()
    }
}
