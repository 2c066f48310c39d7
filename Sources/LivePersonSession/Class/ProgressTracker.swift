import ShellRuntime
import Synchronization

/// Builds a learner's ``ProgressSnapshot`` after each command line, keeping what one state does not hold: the
/// number of commands, the last error and the conversations seen.
package struct ProgressTracker: Sendable {
    private var commands = 0
    private var lastError: String?
    private var lastErrorAt: Int64?
    private var conversations: [String] = []
    /// The most conversations reported (the latest).
    static let conversationLimit = 20

    package init() {}

    /// Counts a command line that ended with `status` after showing `errorLines` (``RecentDiagnostics/take()``),
    /// and returns the snapshot of `state` afterwards. A failed line's first error line becomes `lastError` (its
    /// cause: a `curl: (7) …` comes before what `jq` says of the empty input); one with no error line is named by its
    /// status. A line that succeeds leaves the last error as it was: the class sees it is older than the commands.
    package mutating func record(
        status: ExitStatus, errorLines: [String], state: ShellState, environment: [String: String],
        nowMilliseconds: Int64
    ) -> ProgressSnapshot {
        commands += 1
        if !status.isSuccess && status != .interrupted {
            let line = errorLines.first ?? "the command exited with status \(status.rawValue)"
            lastError = String(line.prefix(ProgressSnapshot.errorLength))
            lastErrorAt = nowMilliseconds
        }
        if let conversation = state.variables["LP_CONV_ID"], !conversation.isEmpty, conversation != "null",
            conversations.last != conversation
        {
            conversations.removeAll { $0 == conversation }
            conversations.append(conversation)
            if conversations.count > Self.conversationLimit { conversations.removeFirst() }
        }
        return snapshot(state: state, environment: environment)
    }

    /// The snapshot of `state` with what this tracker counted.
    package func snapshot(state: ShellState, environment: [String: String]) -> ProgressSnapshot {
        var snapshot = ProgressSnapshot()
        snapshot.commands = commands
        snapshot.lastError = lastError
        snapshot.lastErrorAt = lastErrorAt
        snapshot.conversations = conversations
        let tutorial = Self.tutorial(named: state.variables[TutorialCatalog.variable], environment: environment)
        var tokenNames: [String] = []
        if let tutorial {
            snapshot.tutorial = tutorial.name
            var current: String?
            for step in tutorial.steps {
                if state.completedSteps.contains("\(tutorial.name):\(step.number)") {
                    snapshot.stepsDone.append(String(step.number))
                } else if current == nil {
                    current = String(step.number)
                }
            }
            snapshot.currentStep = current
            for step in tutorial.steps {
                for check in step.checks {
                    if case .jwt(let name) = check, !tokenNames.contains(name) { tokenNames.append(name) }
                }
            }
        }
        for (name, variable) in state.variables.all(whereValue: { $0.hasPrefix("eyJ") })
        where !tokenNames.contains(name) {
            if TokenSummary.inspect(name: name, value: variable.value) != nil { tokenNames.append(name) }
        }
        snapshot.tokens = tokenNames.map { name in
            let summary = state.variables[name].flatMap { TokenSummary.inspect(name: name, value: $0) }
            return ProgressSnapshot.Token(name: name, present: summary != nil, expiresAt: summary?.expiresAt)
        }
        return snapshot
    }

    /// The tutorial `tutorial use` chose (the default one when none was): loaded once per name, as the catalog
    /// parses every tutorial.
    static func tutorial(named chosen: String?, environment: [String: String]) -> Tutorial? {
        let name = chosen ?? TutorialCatalog.defaultName
        if let known = loaded.withLock({ $0[name] }) { return known }
        let found = TutorialCatalog.load(environment: environment).tutorials.first { $0.answers(to: name) }
        loaded.withLock { $0[name] = found }
        return found
    }

    private static let loaded = Mutex<[String: Tutorial?]>([:])
}
