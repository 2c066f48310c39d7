import LivePersonSession
import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// A learner's shell in a class: after each command line it builds the progress snapshot (on the shell's thread,
/// from the state) and hands it to the ``ClassReporter``, which posts it in the background.
final class ClassSession {
    let joined: ClassJoin.Joined
    private let reporter: ClassReporter
    private var tracker = ProgressTracker()

    init(joined: ClassJoin.Joined, reporter: ClassReporter) {
        self.joined = joined
        self.reporter = reporter
    }

    /// Starts reporting, with a first snapshot of `state` (the dashboard shows the learner at once).
    func start(state: ShellState) {
        RecentDiagnostics.start()
        reporter.start()
        reporter.offer(tracker.snapshot(state: state, environment: state.variables.exportedEnvironment))
    }

    /// After a command line: what changed goes to the class.
    func commandFinished(state: ShellState) {
        let snapshot = tracker.record(
            status: state.lastStatus, errorLines: RecentDiagnostics.take(), state: state,
            environment: state.variables.exportedEnvironment, nowMilliseconds: Self.nowMilliseconds())
        reporter.offer(snapshot)
    }

    /// At exit: the last snapshot is sent if the class does not have it yet.
    func finish() {
        reporter.finish()
    }

    static func nowMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
