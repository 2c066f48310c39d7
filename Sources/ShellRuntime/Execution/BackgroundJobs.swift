import Synchronization

/// The commands started with `&` that `wait` has not collected yet, shared by the shell and its subshells.
///
/// A background command runs on a thread of this process, not in a child process: its id (`$!`) is a number
/// above Linux's largest process id, so it looks like a pid to scripts but `kill $!` can never reach another
/// process.
public final class BackgroundJobs: Sendable {
    private struct Job: @unchecked Sendable {
        // @unchecked: the runner is joined and the result read only by the one `wait` that removed the job.
        let runner: ThreadRunner
        let result: ThreadResult<ExitStatus>
    }

    private let jobs = Mutex<[Int: Job]>([:])
    private let lastID = Mutex(BackgroundJobs.firstID - 1)

    /// Above `/proc/sys/kernel/pid_max`'s limit (2^22).
    static let firstID = 4_194_305

    public init() {}

    /// Starts `body` on its own thread; returns the job's id (`$!`).
    func start(_ body: @escaping @Sendable () -> ExitStatus) -> Int {
        let id = lastID.withLock { last in
            last += 1
            return last
        }
        let result = ThreadResult(ExitStatus.success)
        let runner = ThreadRunner.start { result.value = body() }
        jobs.withLock { $0[id] = Job(runner: runner, result: result) }
        return id
    }

    /// Waits for job `id` and returns its status; nil when no such job is waiting to be collected.
    public func wait(for id: Int) -> ExitStatus? {
        guard let job = jobs.withLock({ $0.removeValue(forKey: id) }) else { return nil }
        job.runner.join()
        return job.result.value
    }

    /// Waits for every job.
    public func waitForAll() {
        let all = jobs.withLock { jobs in
            defer { jobs.removeAll() }
            return Array(jobs.values)
        }
        for job in all { job.runner.join() }
    }
}
