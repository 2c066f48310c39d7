import Dispatch
import Synchronization

/// What the network side reports to the thread running `wscat`.
enum WSCatEvent: Equatable, Sendable {
    /// The upgrade succeeded.
    case opened
    /// A text message.
    case text(String)
    /// A binary message of this many bytes.
    case binary(Int)
    /// The socket closed: the close code and reason (nil code: the connection was lost without a close frame).
    case closed(code: Int?, reason: String?)
    /// Connecting failed; the message is ready to print after `error: `.
    case failed(String)
}

/// A queue of ``WSCatEvent`` from the network task to the builtin's thread, which may block waiting for one.
final class WSCatEventQueue: Sendable {
    private let events = Mutex<[WSCatEvent]>([])
    private let signal = DispatchSemaphore(value: 0)
    private let wakeHandler = Mutex<(@Sendable () -> Void)?>(nil)

    /// Adds an event and wakes the waiting thread.
    func push(_ event: WSCatEvent) {
        events.withLock { $0.append(event) }
        signal.signal()
        wakeHandler.withLock { $0 }?()
    }

    /// Called after every push as well (the interactive terminal uses it to leave `poll`).
    func setWakeHandler(_ handler: (@Sendable () -> Void)?) {
        wakeHandler.withLock { $0 = handler }
    }

    /// Every queued event, oldest first; empties the queue.
    func drain() -> [WSCatEvent] {
        events.withLock { queued in
            defer { queued.removeAll(keepingCapacity: true) }
            return queued
        }
    }

    /// Blocks until an event may be queued or `seconds` pass; returns the events (possibly none).
    func wait(seconds: Double) -> [WSCatEvent] {
        let queued = drain()
        if !queued.isEmpty { return queued }
        let nanoseconds = UInt64(max(0, min(seconds, 86_400)) * 1_000_000_000)
        _ = signal.wait(timeout: .now() + .nanoseconds(Int(nanoseconds)))
        return drain()
    }
}
