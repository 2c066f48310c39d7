import Synchronization

/// What the builtin's thread queues for the socket, handed to the writing task in batches.
///
/// An `AsyncStream` did this before: its `yield`, generic and not specialised for our element, looked up type
/// metadata and woke the writing task once per frame, a fifth of the builtin thread's time in a 10,000-frame batch.
/// Here a push appends under a lock and wakes the writer only when it is waiting; the writer takes everything queued
/// at once.
final class WSCatOutbox: Sendable {
    private struct State {
        var items: [WSCatSession.Outgoing] = []
        var finished = false
        var waiter: CheckedContinuation<Void, Never>?

        /// The waiting writer, no longer waiting.
        mutating func take() -> CheckedContinuation<Void, Never>? {
            defer { waiter = nil }
            return waiter
        }
    }

    private let state = Mutex(State())

    /// Queues an item (dropped after `finish()`).
    func push(_ item: WSCatSession.Outgoing) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.finished else { return nil }
            state.items.append(item)
            return state.take()
        }
        waiter?.resume()
    }

    /// No more items: the writer gets what is queued, then an empty batch.
    func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.finished = true
            return state.take()
        }
        waiter?.resume()
    }

    /// The items queued since the last call, oldest first, waiting for one if none is; empty once `finish()` was
    /// called and everything was taken, or when the task is cancelled.
    func next() async -> [WSCatSession.Outgoing] {
        while !Task.isCancelled {
            let batch = state.withLock { state -> [WSCatSession.Outgoing]? in
                if !state.items.isEmpty {
                    defer { state.items.removeAll(keepingCapacity: true) }
                    return state.items
                }
                return state.finished ? [] : nil
            }
            if let batch { return batch }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    // Checked under the lock: a push or a cancellation either comes before (and is seen here) or
                    // after (and finds the waiter).
                    let resumeNow = state.withLock { state in
                        if !state.items.isEmpty || state.finished || Task.isCancelled { return true }
                        state.waiter = continuation
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            } onCancel: {
                state.withLock { $0.take() }?.resume()
            }
        }
        return []
    }
}
