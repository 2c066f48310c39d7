/// One learner of a class: who joined, with which account, and what they last reported. The learner's token is
/// kept only as its hash.
struct Learner: Codable, Sendable {
    let id: String
    var name: String
    let account: String
    let tokenHash: String
    let joinedAt: Int64
    var lastSeen: Int64
    var progress = LearnerProgress()
    /// Failed commands reported since a step was last completed, and when the first of them came.
    var failuresInARow = 0
    var failingSince: Int64?

    /// Takes a report: counts a new error as a failure; a completed step, or a command that ran without a new
    /// error (the count went up, the error stayed the old one), ends a run of failures.
    mutating func record(_ report: LearnerProgress, at now: Int64) {
        let previousSteps = progress.stepsDone?.count ?? 0
        let stepsNow = report.stepsDone?.count ?? previousSteps
        let succeeded = (report.commands ?? 0) > (progress.commands ?? 0) && report.lastErrorAt == progress.lastErrorAt
        if stepsNow > previousSteps || succeeded {
            failuresInARow = 0
            failingSince = nil
        }
        if let errorAt = report.lastErrorAt, report.lastError != nil, errorAt != progress.lastErrorAt {
            failuresInARow += 1
            failingSince = failingSince ?? now
        }
        progress = report
        lastSeen = now
    }

    /// Stuck: three failures in a row on the same step, or failing for a minute without completing a step.
    func isStuck(at now: Int64) -> Bool {
        failuresInARow >= 3 || failingSince.map { now - $0 >= 60_000 } ?? false
    }
}
