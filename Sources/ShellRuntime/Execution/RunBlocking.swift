import Dispatch

/// Runs async work to completion from synchronous builtin code.
///
/// Builtins run on threads the interpreter owns (never Swift's cooperative pool), so blocking here
/// cannot starve the async work it waits for.
public func runBlocking<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do {
            box.result = .success(try await operation())
        } catch {
            box.result = .failure(error)
        }
        done.signal()
    }
    done.wait()
    return try box.result!.get()
}

private final class ResultBox<T: Sendable>: @unchecked Sendable {
    // @unchecked: written once by the task before `signal()`, read once after `wait()`; the semaphore orders them.
    var result: Result<T, any Error>?
}
