/// What a socket without a channel sends next (``Outbox/make()``): a text frame, or a close frame after which the
/// socket ends.
enum OutboundFrame: Sendable {
    case text(String)
    case close(code: UInt16, reason: String)
}

/// Where the frames of one socket go. Sending never blocks, so the store can fan out notifications without waiting
/// on slow peers. A real socket's frames go straight to its channel (``ChannelTextWriter``); those of a socket
/// without one (the Connector API, tests) go to the stream ``make()`` returns.
struct Outbox: Sendable {
    private enum Sink: Sendable {
        case channel(ChannelTextWriter)
        /// Written without a flush: only on the channel's event loop, whose handler flushes after the read.
        case unflushedChannel(ChannelTextWriter)
        case stream(AsyncStream<OutboundFrame>.Continuation)
    }

    private let sink: Sink

    /// The outbox of a real socket.
    init(writer: ChannelTextWriter) {
        sink = .channel(writer)
    }

    private init(sink: Sink) {
        self.sink = sink
    }

    func send(_ text: String) {
        switch sink {
        case .channel(let writer): writer.write(text)
        case .unflushedChannel(let writer): writer.write(text, flush: false)
        case .stream(let continuation): continuation.yield(.text(text))
        }
    }

    func close(code: UInt16, reason: String) {
        switch sink {
        case .channel(let writer), .unflushedChannel(let writer): writer.close(code: code, reason: reason)
        case .stream(let continuation): continuation.yield(.close(code: code, reason: reason))
        }
    }

    /// The same channel, written without flushing (for the socket's own event loop, which flushes after its read).
    var unflushed: Outbox {
        guard case .channel(let writer) = sink else { return self }
        return Outbox(sink: .unflushedChannel(writer))
    }

    /// Ends the stream of an outbox without a channel.
    func finish() {
        if case .stream(let continuation) = sink { continuation.finish() }
    }

    /// An outbox without a channel, and the stream of what is sent to it.
    static func make() -> (Outbox, AsyncStream<OutboundFrame>) {
        let (stream, continuation) = AsyncStream<OutboundFrame>.makeStream(bufferingPolicy: .unbounded)
        return (Outbox(sink: .stream(continuation)), stream)
    }
}
