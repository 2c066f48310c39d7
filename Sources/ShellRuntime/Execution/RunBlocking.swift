import Dispatch

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
    // orders them.
    private var result: Result<T, any Error>?
    private let done = DispatchSemaphore(value: 0)
    private var waited = false

    /// Starts `operation` on Swift's concurrency pool.
    public init(_ operation: @escaping @Sendable () async throws -> T) {
        Task {
            do {
                self.result = .success(try await operation())
            } catch {
                self.result = .failure(error)
            }
            self.done.signal()
        }
    }

    /// Blocks until the work has finished and returns its result (later calls return it again at once).
    public func wait() throws -> T {
        if !waited {
            done.wait()
            waited = true
        }
        return try result!.get()
    }
}
