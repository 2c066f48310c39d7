import NIOCore

/// A class: the learners who joined with the join code, each with an account of their own in the sandbox's store,
/// their reports, the teacher's key and dashboard sessions, and the dashboards' event streams. One actor, so joins,
/// reports and the roster never race.
actor ClassRoom {
    let settings: ClassSettings
    /// `https://host:port`, for the join line (known once the server listens).
    let origin: @Sendable () -> String
    let caFingerprint: String
    /// The class CA (public), which `GET /class/ca.pem` serves.
    let caCertificatePEM: String
    let dataDirectory: String?
    let store: InMemorySandboxStore
    /// The accounts the sandbox serves in class mode (the class's own and each learner's).
    nonisolated let gate: AccountGate

    private(set) var teacherKey: String
    private(set) var code: String
    var learners: [String: Learner] = [:]
    /// Learner ids in join order.
    var order: [String] = []
    var learnerByTokenHash: [String: String] = [:]
    var nextLearner = 1
    /// Dashboard sessions (cookie values, hashed), memory only: a restarted class asks for the key again.
    var teacherSessions: Set<String> = []
    /// Failed joins in the current minute.
    var failedJoins: (minute: Int64, count: Int) = (0, 0)
    /// Each learner's report bucket (20 a second).
    var reportLimits: [String: RateLimiter] = [:]
    /// Dashboards' event streams.
    var streams: [Int: AsyncStream<String>.Continuation] = [:]
    var nextStream = 0
    /// What each dashboard was last sent, to send only what changed.
    var sentViews: [String: LearnerView] = [:]
    var sentClass: ClassView?
    var conversationCache: [String: [ClassConversationSummary]] = [:]
    var socketCounts: [String: Int] = [:]
    var unsaved = false

    static let onlineWindow: Int64 = 45_000
    static let reportsPerSecond = 20
    static let joinFailuresPerMinute = 30

    init(
        settings: ClassSettings, origin: @escaping @Sendable () -> String, caCertificatePEM: String,
        caFingerprint: String, dataDirectory: String?, store: InMemorySandboxStore, gate: AccountGate
    ) throws {
        self.settings = settings
        self.origin = origin
        self.caFingerprint = caFingerprint
        self.caCertificatePEM = caCertificatePEM
        self.dataDirectory = dataDirectory
        self.store = store
        self.gate = gate
        if let dataDirectory, let record = try ClassRecord.load(from: dataDirectory) {
            teacherKey = record.teacherKey
            code = record.code
            nextLearner = record.nextLearner
            for learner in record.learners {
                learners[learner.id] = learner
                order.append(learner.id)
                learnerByTokenHash[learner.tokenHash] = learner.id
                gate.open(learner.account)
            }
        } else {
            teacherKey = ClassSecrets.randomKey()
            code = ClassSecrets.joinCode()
            if let dataDirectory {
                try ClassRecord(teacherKey: teacherKey, code: code, learners: [], nextLearner: 1).save(
                    to: dataDirectory)
            }
        }
    }

    var record: ClassRecord {
        ClassRecord(
            teacherKey: teacherKey, code: code, learners: order.compactMap { learners[$0] }, nextLearner: nextLearner)
    }

    /// The `host:port` learners reach the class at (the join line's): what their exports name.
    nonisolated var learnerHostPort: String { String(origin().dropFirst("https://".count)) }

    /// `lp-shell --join https://host:port/#CODE.FINGERPRINT`.
    var joinLine: String { "lp-shell --join \(origin())/#\(code).\(caFingerprint)" }

    /// `https://host:port/class/#key=KEY`: the fragment never reaches a server or a log.
    var dashboardURL: String { "\(origin())/class/#key=\(teacherKey)" }

    func save() {
        guard let dataDirectory else { return }
        do {
            try record.save(to: dataDirectory)
            unsaved = false
        } catch {
            unsaved = true
        }
    }

    // MARK: Teacher

    func isTeacherKey(_ key: String) -> Bool {
        ClassSecrets.constantTimeEqual(key, teacherKey)
    }

    /// A dashboard session for a correct key: the cookie value.
    func openSession(key: String) -> String? {
        guard isTeacherKey(key) else { return nil }
        let session = ClassSecrets.randomKey()
        teacherSessions.insert(TokenHash.of(session))
        return session
    }

    func isTeacherSession(_ session: String) -> Bool {
        teacherSessions.contains(TokenHash.of(session))
    }

    /// A new join code; learners who joined keep their tokens.
    func rotateCode() -> (code: String, joinLine: String) {
        code = ClassSecrets.joinCode()
        save()
        pushClassIfChanged()
        return (code, joinLine)
    }

    /// An agent session named `teacher` on a learner's account, for the dashboard's agent console.
    func teacherAgent(learner id: String) async -> AgentSession? {
        guard let learner = learners[id] else { return nil }
        return await store.agentLogin(account: learner.account, loginName: "teacher")
    }
}
