/// What a learner's lp-shell reports after its commands (`POST /class/progress`): where it is in the tutorial, its
/// last error in one line, its tokens' states (never their values) and its conversation ids.
struct LearnerProgress: Codable, Sendable, Equatable {
    /// One session variable holding a token, by state only: `valid`, `expiring`, `expired` or `missing`.
    struct TokenState: Codable, Sendable, Equatable {
        var name: String
        var state: String
        var expiresIn: Int?
    }

    var tutorial: String?
    var stepsDone: [String]?
    var currentStep: String?
    var lastError: String?
    var lastErrorAt: Int64?
    var commands: Int?
    var tokens: [TokenState]?
    var conversations: [String]?

    static let tokenStates: Set<String> = ["valid", "expiring", "expired", "missing"]

    /// The report as the class keeps it: texts cut to one short line with anything token-like masked, lists
    /// bounded, token states limited to the four names. A learner cannot put a token, a second line or a megabyte
    /// on the teacher's screen.
    func sanitized() -> LearnerProgress {
        func line(_ text: String?, limit: Int) -> String? {
            guard let text else { return nil }
            let first = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let masked = SecretRedaction.masked(first)
            return masked.count > limit ? String(masked.prefix(limit - 1)) + "…" : masked
        }
        var copy = LearnerProgress()
        copy.tutorial = line(tutorial, limit: 80)
        copy.stepsDone = stepsDone.map { Array($0.prefix(100).compactMap { line($0, limit: 20) }) }
        copy.currentStep = line(currentStep, limit: 20)
        copy.lastError = line(lastError, limit: 200)
        copy.lastErrorAt = lastErrorAt
        copy.commands = commands.map { max(0, $0) }
        copy.tokens = tokens.map { list in
            list.prefix(16).compactMap { token in
                guard Self.tokenStates.contains(token.state), let name = line(token.name, limit: 40) else { return nil }
                return TokenState(name: name, state: token.state, expiresIn: token.expiresIn)
            }
        }
        // Not kept: the roster reads the learner's conversations from the store, which a report cannot forge.
        return copy
    }
}
