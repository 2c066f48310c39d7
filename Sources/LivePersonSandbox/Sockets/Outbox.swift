/// What a socket's writer sends next: a text frame, or a close frame after which the socket ends.
enum OutboundFrame: Sendable {
    case text(String)
    case close(code: UInt16, reason: String)
}

/// The queue of frames waiting to be written to one socket. Yielding never blocks, so the store can fan out
/// notifications without waiting on slow peers.
struct Outbox: Sendable {
    let continuation: AsyncStream<OutboundFrame>.Continuation

    func send(_ text: String) {
        continuation.yield(.text(text))
    }

    func close(code: UInt16, reason: String) {
        continuation.yield(.close(code: code, reason: reason))
    }

    static func make() -> (Outbox, AsyncStream<OutboundFrame>) {
        let (stream, continuation) = AsyncStream<OutboundFrame>.makeStream(bufferingPolicy: .unbounded)
        return (Outbox(continuation: continuation), stream)
    }
}
