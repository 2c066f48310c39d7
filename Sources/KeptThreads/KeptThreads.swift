import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// OS threads that are kept once their work is done and take the next piece of work with the same stack size.
///
/// The shell runs every pipeline stage, command substitution and jq run on a thread of its own (they block on pipes
/// or need a deep stack, so never on Swift's small cooperative pool). A tutorial script's four
/// `` `curl … | jq …` `` lines started sixteen threads; a new thread's stack, guard page and malloc arena cost more
/// page faults and system time than the work itself.
public enum KeptThreads {
    /// Runs `job` on an idle kept thread with `stackSize` bytes of stack, or on a new one; false when no thread could
    /// be created (then `job` has not run).
    public static func run(stackSize: Int, _ job: @escaping @Sendable () -> Void) -> Bool {
        if let worker = Worker.idle.withLock({ $0[stackSize]?.popLast() }) {
            worker.hand(job)
            return true
        }
        return Worker.spawn(stackSize: stackSize, with: job)
    }
}

/// One kept thread: runs the job it is handed, then waits, idle, for the next.
private final class Worker: @unchecked Sendable {
    // @unchecked: `job` is written by the thread that hands it over before `wake.signal()` and read by the worker
    // after `wake.wait()` (the semaphore orders them); the worker clears it before it is idle again.
    private var job: (@Sendable () -> Void)?
    private let wake = DispatchSemaphore(value: 0)
    private let stackSize: Int

    /// The threads waiting for work, by stack size. Past `idleLimit` idle threads of a size, a thread ends instead.
    static let idle = Mutex<[Int: [Worker]]>([:])
    private static let idleLimit = 16

    private init(stackSize: Int) {
        self.stackSize = stackSize
    }

    /// Starts a new thread running `job` first; false when no thread could be created.
    static func spawn(stackSize: Int, with job: @escaping @Sendable () -> Void) -> Bool {
        let worker = Worker(stackSize: stackSize)
        worker.job = job
        let context = Unmanaged.passRetained(worker).toOpaque()
        let result = withUnsafeTemporaryAllocation(of: pthread_attr_t.self, capacity: 1) { buffer in
            let attributes = buffer.baseAddress!
            pthread_attr_init(attributes)
            defer { pthread_attr_destroy(attributes) }
            pthread_attr_setstacksize(attributes, stackSize)
            pthread_attr_setdetachstate(attributes, Int32(PTHREAD_CREATE_DETACHED))
            var handle: pthread_t = 0
            return pthread_create(
                &handle, attributes,
                { raw in
                    Unmanaged<Worker>.fromOpaque(raw!).takeRetainedValue().loop()
                    return nil
                }, context)
        }
        if result != 0 {
            Unmanaged<Worker>.fromOpaque(context).release()
            return false
        }
        return true
    }

    /// Gives an idle worker its next job.
    func hand(_ next: @escaping @Sendable () -> Void) {
        job = next
        wake.signal()
    }

    private func loop() {
        while let current = job {
            job = nil
            current()
            let kept = Worker.idle.withLock { idle in
                guard idle[stackSize, default: []].count < Worker.idleLimit else { return false }
                idle[stackSize, default: []].append(self)
                return true
            }
            guard kept else { return }
            wake.wait()
        }
    }
}
