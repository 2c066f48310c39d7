import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The serial executor of ``InMemorySandboxStore``: one lock. A job of the actor (an `await store.…` from a REST
/// controller, the bot's tasks) runs on a serial queue with the lock held; a messaging socket's event loop takes the
/// same lock and works on the store's state in place (``InMemorySandboxStore/withState(_:)``), so a frame is answered
/// on the thread that read it, with no hop to Swift concurrency and back (BENCHMARKS.md, "Issue 19: sandbox load
/// targets"). Either way one thread at a time holds the state, which is all an actor promises.
final class StoreExecutor: SerialExecutor, @unchecked Sendable {
    private let lock = Mutex(())
    /// The thread that holds the lock, `0` when none: what `checkIsolated()` asks.
    private let owner = Atomic<UInt>(0)
    private let queue = DispatchQueue(label: "lp-sandbox.store")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async {
            self.withLock { job.runSynchronously(on: self.asUnownedSerialExecutor()) }
        }
    }

    /// Runs `body` with the lock held.
    func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        try lock.withLock { _ throws(E) -> T in
            owner.store(Self.currentThread, ordering: .relaxed)
            defer { owner.store(0, ordering: .relaxed) }
            return try body()
        }
    }

    /// Whether the calling thread holds the lock.
    var isHeldByCurrentThread: Bool {
        owner.load(ordering: .relaxed) == Self.currentThread
    }

    func checkIsolated() {
        precondition(isHeldByCurrentThread, "the sandbox store was used without its lock")
    }

    func isIsolatingCurrentContext() -> Bool? {
        isHeldByCurrentThread
    }

    private static var currentThread: UInt {
        #if canImport(Darwin)
            UInt(bitPattern: pthread_self())
        #else
            UInt(pthread_self())
        #endif
    }
}
