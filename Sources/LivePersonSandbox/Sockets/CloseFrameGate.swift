import NIOCore
import NIOWebSocket

/// Sits just above the WebSocket frame encoder of a messaging socket and drops data frames written after a close
/// frame (RFC 6455 §5.5.1). Text written straight to the channel (``ChannelTextWriter``, from any thread) passes here, so the rule holds
/// whichever side closed first.
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

}
