import Dispatch
import Synchronization

/// Runs async work to completion from synchronous builtin code.
///
/// Builtins run on threads the interpreter owns (never Swift's cooperative pool), so blocking here
/// cannot starve the async work it waits for.
public func runBlocking<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
    try BackgroundWork(operation).wait()
}

/// Async work started now and waited for later from synchronous code: the shell's main thread starts the embedded
/// sandbox this way and prepares the prompt meanwhile.
public final class BackgroundWork<T: Sendable>: @unchecked Sendable {
    // @unchecked: `result` is written once by the task before `signal()` and read only after `wait()`; the semaphore
    // orders them. `started` makes the task start once, whoever asks first.
    private var result: Result<T, any Error>?
    private let done = DispatchSemaphore(value: 0)
    private var waited = false
    private let operation: @Sendable () async throws -> T
    private let started = Atomic<Bool>(false)

    /// Starts `operation` on Swift's concurrency pool now, or (`startingNow: false`) at the first ``start()`` or
    /// ``wait()``.
    public init(startingNow: Bool = true, _ operation: @escaping @Sendable () async throws -> T) {
        self.operation = operation
        if startingNow { start() }
    }

    /// Starts the work if it has not started yet.
    public func start() {
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { return }
        Task {
            do {
                self.result = .success(try await self.operation())
            } catch {
                self.result = .failure(error)
            }
            self.done.signal()
        }
    }

    /// Blocks until the work has finished (starting it if it has not started) and returns its result (later calls
    /// return it again at once).
    public func wait() throws -> T {
        start()
        if !waited {
            done.wait()
            waited = true
        }
        return try result!.get()
    }
}
