extension InMemorySandboxStore {
    /// Runs `body` on the calling thread (a messaging socket's event loop) with the store's state, under the lock its
    /// executor shares with the actor's own jobs: a frame's request is answered without a hop to Swift concurrency.
    /// Not to be called from inside the store (the lock is not recursive); an event-loop callback that can run inside
    /// a store call (a channel closing while the store writes to it) defers its store work with `execute`.
    nonisolated func withState<T: Sendable>(_ body: (isolated InMemorySandboxStore) throws -> T) rethrows -> T {
        try executor.withLock { try assumeIsolated(body) }
    }
}
