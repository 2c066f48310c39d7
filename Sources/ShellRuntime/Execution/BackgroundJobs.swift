import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The commands started with `&` that `wait` has not collected yet, shared by the shell and its subshells.
///
/// A background command runs on a thread of this process, not in a child process: its id (`$!`) is a number
/// above Linux's largest process id, so it looks like a pid to scripts but `kill $!` can never reach another
/// process. Each also has a job number (`%1`, the smallest free one, as in bash) for `jobs`, `fg` and `kill`; a
/// builtin that keeps something open in the background (wscat's socket) attaches a ``JobControl`` to its job.
public final class BackgroundJobs: Sendable {
    private struct Job: @unchecked Sendable {
        // @unchecked: the runner is joined and the result read only by the one `wait` that removed the job.
        let runner: ThreadRunner
        let result: ThreadResult<ExitStatus>
        let number: Int
        let command: String
        let finished: FinishedFlag
        var control: (any JobControl)?
    }

    private let jobs = Mutex<[Int: Job]>([:])
    private let lastID = Mutex(BackgroundJobs.firstID - 1)
    /// Values background commands published for the shell (``publish(_:)``).
    public let published = PublishedVariables()

    /// Above `/proc/sys/kernel/pid_max`'s limit (2^22).
    static let firstID = 4_194_305

    public init() {}

    /// Starts `body` on its own thread; returns the job's id (`$!`). `body` gets the id and the job number.
    public func start(command: String = "", _ body: @escaping @Sendable (_ id: Int, _ number: Int) -> ExitStatus)
        -> Int
    {
        let id = lastID.withLock { last in
            last += 1
            return last
        }
        let result = ThreadResult(ExitStatus.success)
        let finished = FinishedFlag()
        // The job is listed (with its number) before its body runs, so a `fg %1` right after `cmd &` finds it.
        let gate = Mutex<Int?>(nil)
        let runner = ThreadRunner.start {
            var number: Int?
            while number == nil {
                number = gate.withLock { $0 }
                if number == nil { usleep(500) }
            }
            result.value = body(id, number ?? 0)
            finished.set()
        }
        let number = jobs.withLock { jobs -> Int in
            let used = Set(jobs.values.filter { !$0.finished.isSet }.map(\.number))
            let number = (1...).first { !used.contains($0) } ?? 1
            jobs[id] = Job(
                runner: runner, result: result, number: number, command: command, finished: finished, control: nil)
            return number
        }
        gate.withLock { $0 = number }
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

    /// Attaches what `fg`, `jobs` and `kill` use to job `id` (called from the job's own thread).
    public func attach(_ control: any JobControl, to id: Int) {
        jobs.withLock { $0[id]?.control = control }
    }

    /// One job as `jobs` lists it.
    public struct Entry: Sendable {
        public var id: Int
        public var number: Int
        public var command: String
        public var running: Bool
        public var control: (any JobControl)?

        public init(id: Int, number: Int, command: String, running: Bool, control: (any JobControl)?) {
            self.id = id
            self.number = number
            self.command = command
            self.running = running
            self.control = control
        }
    }

    /// The jobs not yet collected by `wait`, by job number (finished ones too, until `jobs` listed them once).
    public var entries: [Entry] {
        jobs.withLock { jobs in
            jobs.map { id, job in
                Entry(
                    id: id, number: job.number, command: job.command,
                    running: !job.finished.isSet, control: job.control)
            }
        }.sorted { $0.id < $1.id }
    }

    /// Forgets finished jobs (after `jobs` reported them); their status stays with `wait` no more.
    public func forgetFinished() {
        let done = jobs.withLock { jobs -> [Job] in
            let ids = jobs.filter { $0.value.finished.isSet }.map(\.key)
            return ids.compactMap { jobs.removeValue(forKey: $0) }
        }
        for job in done { job.runner.join() }
    }

    /// Ends every job that can be ended (open sockets are closed) and waits up to `seconds` for them; called when
    /// the shell exits.
    public func terminateAll(waitingUpTo seconds: Double = 3) {
        let controls = entries.filter(\.running).compactMap(\.control)
        guard !controls.isEmpty else { return }
        for control in controls { control.terminate() }
        var waited = 0.0
        while waited < seconds, entries.contains(where: { $0.running && $0.control != nil }) {
            usleep(20_000)
            waited += 0.02
        }
    }
}

/// Set once a job's body returned.
private final class FinishedFlag: Sendable {
    private let value = Atomic(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}

/// What a builtin running in the background offers `fg`, `jobs` and `kill` (wscat's background socket).
public protocol JobControl: AnyObject, Sendable {
    /// What `jobs` shows after the job number (`consumer socket wss://…/consumer?v=3`).
    var summary: String { get }
    /// Names `%NAME` selects the job by (`consumer`, `agent`).
    var names: [String] { get }
    /// Runs the job in the foreground with the command's context until it ends or goes back to the background.
    func foreground(_ context: inout CommandContext) -> JobForegroundResult
    /// Ends the job (closes the socket); returns at once.
    func terminate()
}

/// How a job in the foreground gave the terminal back.
public enum JobForegroundResult: Sendable, Equatable {
    /// It ended with this status.
    case finished(ExitStatus)
    /// It went back to the background (`/bg`).
    case background
    /// It went back to the background and asked for another job in its place (`/as agent`, `/as %2`).
    case switchTo(String)
}
