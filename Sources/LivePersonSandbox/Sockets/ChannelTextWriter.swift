import NIOCore
import NIOWebSocket
import Synchronization

/// Writes a socket's text frames straight to its channel, from whichever thread sends them (the store fans out
/// answers and notifications to every socket of a conversation): no stream, task or actor hop per frame
/// (BENCHMARKS.md, "Issue 19: sandbox load targets"). Once the socket is closing, text is dropped.
final class ChannelTextWriter: Sendable {
    private let channel: any Channel
    private let closing = Mutex(false)

    init(channel: any Channel) {
        self.channel = channel
    }

    /// Writes a text frame; `flush: false` only on the channel's event loop, whose handler flushes after the read.
    func write(_ text: String, flush: Bool = true) {
        // Under the lock: a text frame is either queued on the channel before `close` (so before the close frame,
        // which the socket's handler writes afterwards) or not at all.
        closing.withLock { closing in
            guard !closing else { return }
            let frame = WebSocketFrame(fin: true, opcode: .text, data: channel.allocator.buffer(string: text))
            if flush {
                channel.writeAndFlush(frame, promise: nil)
            } else {
                channel.write(frame, promise: nil)
            }
        }
    }

    /// No text after this; the socket's ``MessagingSocketHandler`` sends the close frame. Always from a task of its
    /// own on the event loop: the store may be calling from that very loop, in the middle of a store call.
    func close(code: UInt16, reason: String) {
        stop()
        let channel = self.channel
        channel.eventLoop.execute {
            channel.pipeline.fireUserInboundEventTriggered(SocketCloseRequest(code: code, reason: reason))
        }
    }

    /// No text after this: the close frame is on its way.
    func stop() {
        closing.withLock { $0 = true }
    }
}
