#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a closure on a new OS thread (pipeline stages and command substitutions block on pipes, so they must
/// never run on Swift's small cooperative pool).
final class ThreadRunner: @unchecked Sendable {
    // @unchecked: `thread` is written once in `start` before any other access; `join` happens on the starter.
    private var thread: pthread_t?
    private let body: @Sendable () -> Void

    private init(body: @escaping @Sendable () -> Void) {
        self.body = body
    }

    /// Starts `body` on a new thread with an 8 MiB stack.
    static func start(_ body: @escaping @Sendable () -> Void) -> ThreadRunner {
        let runner = ThreadRunner(body: body)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setstacksize(&attributes, 8 << 20)
        let context = Unmanaged.passRetained(runner).toOpaque()
        var handle = pthread_t()
        let result = pthread_create(
            &handle, &attributes,
            { raw in
                let runner = Unmanaged<ThreadRunner>.fromOpaque(raw!).takeRetainedValue()
                runner.body()
                return nil
            }, context)
        pthread_attr_destroy(&attributes)
        if result != 0 {
            // No thread could be created: run inline so the work still happens.
            Unmanaged<ThreadRunner>.fromOpaque(context).release()
            body()
            return runner
        }
        runner.thread = handle
        return runner
    }

    /// Waits for the thread to finish.
    func join() {
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
    }
}

/// A value written by one thread and read by another after `join`.
final class ThreadResult<Value: Sendable>: @unchecked Sendable {
    // @unchecked: written by the worker before it exits, read after `pthread_join`, which orders the accesses.
    var value: Value

    init(_ value: Value) {
        self.value = value
    }
}
