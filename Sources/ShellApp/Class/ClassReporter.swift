import Dispatch
import HTTPTransfer
import KeptThreads
import LivePersonSession
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Posts a learner's progress to the class in the background, on a thread of its own: ``offer(_:)`` hands over a
/// snapshot after each command line and returns at once; ``ProgressSchedule`` says when to post (debounced, a
/// heartbeat, `Retry-After`). When the class cannot be reached it says so once, in one line, and keeps trying.
final class ClassReporter: @unchecked Sendable {
    // @unchecked: `schedule` is only touched under `lock`; `endpoint`, `token`, `wake` and `announce` are immutable.
    private let endpoint: ClassEndpoint
    private let token: String
    private let schedule = Mutex(ProgressSchedule())
    private let wake = DispatchSemaphore(value: 0)
    private let announce: @Sendable (String) -> Void
    private let announced = Atomic<Bool>(false)

    /// The line shown once when a post finds the class unreachable.
    static let unreachableLine = "lp-shell: class unreachable, progress not reported (will retry)\n"

    /// `announce` shows the one unreachable line (above the prompt at a terminal, on stderr otherwise).
    init(endpoint: ClassEndpoint, token: String, announce: @escaping @Sendable (String) -> Void) {
        var quick = endpoint
        quick.maximumSeconds = 5
        self.endpoint = quick
        self.token = token
        self.announce = announce
    }

    /// Starts the posting thread; false when no thread could be made (then nothing is reported).
    @discardableResult
    func start() -> Bool {
        KeptThreads.run(stackSize: 1 << 20) { [self] in loop() }
    }

    /// The snapshot after a command line; posted when it differs from the last one the class has.
    func offer(_ snapshot: ProgressSnapshot) {
        let changed = schedule.withLock { schedule -> Bool in
            let changed = schedule.pending != snapshot
            schedule.offer(snapshot)
            return changed
        }
        if changed { wake.signal() }
    }

    /// Posts the latest snapshot now unless the class has it (at exit: a `-c` command ends before the debounce).
    /// Not while the class is unreachable or asked to wait: the shell does not wait for it to exit.
    func finish() {
        let now = Self.monotonicSeconds()
        let snapshot = schedule.withLock { $0.pending != $0.posted && now >= $0.blockedUntil ? $0.pending : nil }
        guard let snapshot else { return }
        let outcome = post(snapshot)
        schedule.withLock { $0.finished(outcome, body: snapshot, now: Self.monotonicSeconds()) }
    }

    private func loop() {
        while true {
            let action = schedule.withLock { $0.next(now: Self.monotonicSeconds()) }
            switch action {
            case .wait(let seconds):
                _ = wake.wait(timeout: .now() + .milliseconds(Int(seconds * 1000) + 1))
            case .post(let snapshot):
                let outcome = post(snapshot)
                schedule.withLock { $0.finished(outcome, body: snapshot, now: Self.monotonicSeconds()) }
            }
        }
    }

    private func post(_ snapshot: ProgressSnapshot) -> ProgressSchedule.Outcome {
        let body = snapshot.json(now: Int64(time(nil)))
        switch endpoint.post("/class/progress", json: body, bearer: token) {
        case .response(let status, let headers, _):
            switch status {
            case 200..<300: return .accepted
            case 429: return .retryAfter(ClassEndpoint.retryAfter(headers))
            case 502, 503, 504: return unreachable()
            default: return .refused
            }
        case .failed:
            return unreachable()
        case .interrupted:
            // Ctrl-C at the prompt stopped this post too: it is sent again shortly.
            return .retryAfter(1)
        }
    }

    private func unreachable() -> ProgressSchedule.Outcome {
        if !announced.exchange(true, ordering: .relaxed) { announce(Self.unreachableLine) }
        return .unreachable
    }

    /// Seconds on a monotonic clock (since the first call).
    static func monotonicSeconds() -> Double {
        let elapsed = ContinuousClock.now - origin
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private static let origin = ContinuousClock.now
}
