import LivePersonSession
import Testing

@testable import ShellApp

/// When the learner's shell posts its progress: debounced, a heartbeat, `Retry-After`, unreachable classes.
@Suite("Progress schedule")
struct ProgressScheduleTests {
    func snapshot(commands: Int) -> ProgressSnapshot {
        var snapshot = ProgressSnapshot()
        snapshot.commands = commands
        return snapshot
    }

    @Test func nothingToPostBeforeTheFirstSnapshot() {
        #expect(ProgressSchedule().next(now: 100) == .wait(ProgressSchedule.heartbeat))
    }

    @Test func aChangePostsAtOnceThenAtMostFourTimesASecond() {
        var schedule = ProgressSchedule()
        schedule.offer(snapshot(commands: 1))
        #expect(schedule.next(now: 100) == .post(snapshot(commands: 1)))
        schedule.finished(.accepted, body: snapshot(commands: 1), now: 100)
        schedule.offer(snapshot(commands: 2))
        #expect(schedule.next(now: 100.1).roundedWait == .wait(0.15))
        #expect(schedule.next(now: 100.25) == .post(snapshot(commands: 2)))
    }

    @Test func theSameSnapshotIsOnlyAHeartbeat() {
        var schedule = ProgressSchedule()
        schedule.offer(snapshot(commands: 1))
        schedule.finished(.accepted, body: snapshot(commands: 1), now: 100)
        schedule.offer(snapshot(commands: 1))
        #expect(schedule.next(now: 105) == .wait(15))
        #expect(schedule.next(now: 120) == .post(snapshot(commands: 1)))
    }

    @Test func retryAfterHoldsEveryPost() {
        var schedule = ProgressSchedule()
        schedule.offer(snapshot(commands: 1))
        schedule.finished(.retryAfter(3), body: snapshot(commands: 1), now: 100)
        #expect(schedule.next(now: 101) == .wait(2))
        #expect(schedule.next(now: 103) == .post(snapshot(commands: 1)))
    }

    @Test func anUnreachableClassIsTriedAgainLessAndLessOften() {
        var schedule = ProgressSchedule()
        schedule.offer(snapshot(commands: 1))
        var now = 100.0
        var pauses: [Double] = []
        for _ in 0..<6 {
            schedule.finished(.unreachable, body: snapshot(commands: 1), now: now)
            guard case .wait(let pause) = schedule.next(now: now) else {
                Issue.record("posted while blocked")
                return
            }
            pauses.append(pause)
            now += pause
            #expect(schedule.next(now: now) == .post(snapshot(commands: 1)))
        }
        #expect(pauses == [2, 4, 8, 16, 20, 20])
        schedule.finished(.accepted, body: snapshot(commands: 1), now: now)
        #expect(schedule.retryPause == ProgressSchedule.firstRetry)
    }

    @Test func aRefusedSnapshotIsNotSentAgainUntilItChanges() {
        var schedule = ProgressSchedule()
        schedule.offer(snapshot(commands: 1))
        schedule.finished(.refused, body: snapshot(commands: 1), now: 100)
        #expect(schedule.next(now: 101) == .wait(19))
        schedule.offer(snapshot(commands: 2))
        #expect(schedule.next(now: 101) == .post(snapshot(commands: 2)))
    }
}

extension ProgressSchedule.Action {
    /// The same action with its wait rounded to microseconds (the sums above are not exact in binary).
    fileprivate var roundedWait: ProgressSchedule.Action {
        guard case .wait(let seconds) = self else { return self }
        return .wait((seconds * 1e6).rounded() / 1e6)
    }
}
