/// What `GET /class/state` and the event stream send the dashboard.
struct ClassView: Codable, Sendable, Equatable {
    let name: String
    let joinLine: String
    let code: String
    let steps: [ClassStep]
}

/// One learner's row on the dashboard.
struct LearnerView: Codable, Sendable, Equatable {
    let id: String
    let name: String
    let account: String
    let online: Bool
    let joinedAt: Int64
    let lastSeen: Int64
    let tutorial: String?
    let stepsDone: [String]
    let currentStep: String?
    let commands: Int
    let lastError: String?
    let lastErrorAt: Int64?
    let stuck: Bool
    let openSockets: Int
    let tokens: [LearnerProgress.TokenState]
    let conversations: [ClassConversationSummary]
}

/// The whole roster: the class and every learner in join order.
struct RosterSnapshot: Codable, Sendable, Equatable {
    let `class`: ClassView
    let learners: [LearnerView]
}
