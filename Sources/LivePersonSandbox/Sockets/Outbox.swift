import NIOCore

/// What a socket's writer sends next: a text frame, or a close frame after which the socket ends.
enum OutboundFrame: Sendable {
    case text(String)
    case close(code: UInt16, reason: String)
}

/// Where the frames of one socket go. Sending never blocks, so the store can fan out notifications without waiting
/// on slow peers. A real socket's text goes straight to its channel (``ChannelTextWriter``); the close frame, and
/// every frame of an outbox made without a channel, go through the stream its writer drains.
struct Outbox: Sendable {
    let continuation: AsyncStream<OutboundFrame>.Continuation
    let channel: ChannelTextWriter?

    func send(_ text: String) {
        if let channel {
            channel.write(text)
        } else {
            continuation.yield(.text(text))
        }
    }

    func close(code: UInt16, reason: String) {
        channel?.stop()
        continuation.yield(.close(code: code, reason: reason))
    }

    static func make(writingTo channel: (any Channel)? = nil) -> (Outbox, AsyncStream<OutboundFrame>) {
        let (stream, continuation) = AsyncStream<OutboundFrame>.makeStream(bufferingPolicy: .unbounded)
        return (Outbox(continuation: continuation, channel: channel.map(ChannelTextWriter.init)), stream)
    }
}
