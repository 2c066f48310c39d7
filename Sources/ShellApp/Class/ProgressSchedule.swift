import LivePersonSession

/// When a learner's shell posts its progress: a changed snapshot at once but at most four times a second, the same
/// one again every 20 s as a heartbeat, nothing while the class said to wait (429 `Retry-After`) or after it could
/// not be reached (then again after a pause that doubles up to the heartbeat). Pure: the reporter's thread asks
/// ``next(now:)`` what to do and tells ``finished(_:body:now:)`` how it went.
struct ProgressSchedule: Equatable {
    /// The shortest time between two posts, in seconds (≤ 4 a second).
    static let minimumInterval = 0.25
    /// The heartbeat, in seconds.
    static let heartbeat = 20.0
    /// The first pause after the class could not be reached, in seconds.
    static let firstRetry = 2.0

    /// The latest snapshot offered.
    private(set) var pending: ProgressSnapshot?
    /// The snapshot the class accepted last.
    private(set) var posted: ProgressSnapshot?
    /// When the last post was sent (whatever came of it).
    private(set) var lastAttempt: Double?
    /// When the class last accepted a post.
    private(set) var lastAccepted: Double?
    /// No post before this time.
    private(set) var blockedUntil = 0.0
    /// The pause after the next unreachable attempt.
    private(set) var retryPause = ProgressSchedule.firstRetry

    /// What to do next.
    enum Action: Equatable {
        /// Post this snapshot now.
        case post(ProgressSnapshot)
        /// Nothing to do for this many seconds (or until a new snapshot is offered).
        case wait(Double)
    }

    /// How a post ended.
    enum Outcome: Equatable {
        /// 204: the class has it.
        case accepted
        /// 429: wait this many seconds.
        case retryAfter(Double)
        /// No answer (refused, timed out, TLS failed).
        case unreachable
        /// Any other answer (401 once the class forgot the learner, 400, 413): not sent again until it changes.
        case refused
    }

    /// A new snapshot after a command line.
    mutating func offer(_ snapshot: ProgressSnapshot) {
        pending = snapshot
    }

    func next(now: Double) -> Action {
        guard let pending else { return .wait(Self.heartbeat) }
        if now < blockedUntil { return .wait(blockedUntil - now) }
        let sinceAttempt = lastAttempt.map { now - $0 } ?? .infinity
        if pending != posted {
            return sinceAttempt >= Self.minimumInterval ? .post(pending) : .wait(Self.minimumInterval - sinceAttempt)
        }
        let sinceAccepted = lastAccepted.map { now - $0 } ?? .infinity
        return sinceAccepted >= Self.heartbeat ? .post(pending) : .wait(Self.heartbeat - sinceAccepted)
    }

    /// Records how posting `body` ended at `now`.
    mutating func finished(_ outcome: Outcome, body: ProgressSnapshot, now: Double) {
        lastAttempt = now
        switch outcome {
        case .accepted:
            posted = body
            lastAccepted = now
            retryPause = Self.firstRetry
        case .retryAfter(let seconds):
            blockedUntil = now + max(seconds, Self.minimumInterval)
        case .unreachable:
            blockedUntil = now + retryPause
            retryPause = min(retryPause * 2, Self.heartbeat)
        case .refused:
            posted = body
            lastAccepted = now
        }
    }
}
