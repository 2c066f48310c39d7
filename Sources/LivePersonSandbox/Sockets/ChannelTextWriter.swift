import NIOCore
import NIOWebSocket
import Synchronization

/// Writes a socket's text frames straight to its channel, from whichever thread sends them (the store fans out
/// answers and notifications from its actor): no stream, writer task, WebSocket handler actor hop or async writer per
/// frame (BENCHMARKS.md, "Issue 19: sandbox load targets"). Once the socket is closing, text is dropped, as the writer
/// task did when it stopped at the close frame.
final class ChannelTextWriter: Sendable {
    private let channel: any Channel
    private let closing = Mutex(false)

    init(channel: any Channel) {
        self.channel = channel
    }

    func write(_ text: String) {
        // Under the lock: a text frame is either queued on the channel before `stop()` (so before the close frame,
        // which goes through the WebSocket handler afterwards) or not at all.
        closing.withLock { closing in
            guard !closing else { return }
            let frame = WebSocketFrame(fin: true, opcode: .text, data: channel.allocator.buffer(string: text))
            channel.writeAndFlush(frame, promise: nil)
        }
    }

    /// No text after this: the close frame is on its way.
    func stop() {
        closing.withLock { $0 = true }
    }
}
