/// Joining, rejoining and reporting.
extension ClassRoom {
    /// Why a join or a report was refused; the controller turns each into its status.
    enum Refusal: Error, Equatable {
        case wrongCode
        case unknownToken
        case badName
        /// Too many failed joins from one address, or reports from one learner: retry after this many seconds.
        case tooMany(retryAfter: Int)
    }

    /// What a learner gets at join: who they are, their token (shown once), their account.
    struct Admission: Sendable {
        let learner: Learner
        let token: String
    }

    /// A new learner for the right code. Wrong codes are counted: after ``joinFailuresPerMinute`` of them in a
    /// minute every join waits for the next minute (rejoins with a token do not), so the code cannot be guessed.
    func join(code typed: String, name: String) throws(Refusal) -> Admission {
        let minute = InMemorySandboxStore.now() / 60_000
        if failedJoins.minute == minute, failedJoins.count >= Self.joinFailuresPerMinute {
            throw .tooMany(retryAfter: Int(60 - (InMemorySandboxStore.now() / 1000) % 60))
        }
        guard ClassSecrets.constantTimeEqual(ClassSecrets.normalizedCode(typed), code) else {
            failedJoins = (minute, failedJoins.minute == minute ? failedJoins.count + 1 : 1)
            throw .wrongCode
        }
        guard let name = ClassSettings.validName(name) else { throw .badName }
        let token = ClassSecrets.randomKey()
        let now = InMemorySandboxStore.now()
        let learner = Learner(
            id: "l-\(nextLearner)", name: name, account: ClassSecrets.accountID(), tokenHash: TokenHash.of(token),
            joinedAt: now, lastSeen: now)
        nextLearner += 1
        learners[learner.id] = learner
        order.append(learner.id)
        learnerByTokenHash[learner.tokenHash] = learner.id
        gate.open(learner.account)
        save()
        pushChanges(only: learner.id)
        return Admission(learner: learner, token: token)
    }

    /// The same learner again, for the token an earlier join gave.
    func rejoin(token: String) throws(Refusal) -> Admission {
        guard let id = learnerByTokenHash[TokenHash.of(token)], var learner = learners[id] else {
            throw .unknownToken
        }
        learner.lastSeen = InMemorySandboxStore.now()
        learners[id] = learner
        pushChanges(only: id)
        return Admission(learner: learner, token: token)
    }

    /// A learner's report, by token.
    func report(_ progress: LearnerProgress, token: String) throws(Refusal) {
        guard let id = learnerByTokenHash[TokenHash.of(token)], var learner = learners[id] else {
            throw .unknownToken
        }
        var limit = reportLimits[id] ?? RateLimiter(requestsPerSecond: Self.reportsPerSecond)
        let allowed = limit.allow()
        reportLimits[id] = limit
        guard allowed else { throw .tooMany(retryAfter: 1) }
        learner.record(progress.sanitized(), at: InMemorySandboxStore.now())
        learners[id] = learner
        unsaved = true
        pushChanges(only: id)
    }
}
