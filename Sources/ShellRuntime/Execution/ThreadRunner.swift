import Dispatch
import KeptThreads
import Synchronization

/// Runs a closure on an OS thread of its own with an 8 MiB stack (pipeline stages and command substitutions block on
/// pipes, so they must never run on Swift's small cooperative pool). The thread is a kept one (`KeptThreads`): it
/// takes the next stage once this closure has returned.
final class ThreadRunner: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let joined = Mutex(false)

    private init() {}

    /// Starts `body` on a kept thread.
    static func start(_ body: @escaping @Sendable () -> Void) -> ThreadRunner {
        let runner = ThreadRunner()
        let job: @Sendable () -> Void = {
            body()
            runner.finished.signal()
        }
        // No thread could be created: run inline so the work still happens.
        if !KeptThreads.run(stackSize: 8 << 20, job) { job() }
        return runner
    }

    /// Waits for the closure to finish (later calls return at once).
    func join() {
        let first = joined.withLock { joined in
            defer { joined = true }
            return !joined
        }
        if first { finished.wait() }
    }
}

/// A value written by one thread and read by another after `join`.
final class ThreadResult<Value: Sendable>: @unchecked Sendable {
    // @unchecked: written by the closure before the runner's `finished` semaphore is signalled, read after `join`,
    // which waits for it: the semaphore orders the accesses.
    var value: Value

    init(_ value: Value) {
        self.value = value
    }
}
