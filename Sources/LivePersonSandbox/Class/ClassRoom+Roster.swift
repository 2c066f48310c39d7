#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The roster the dashboard shows, and the event streams that keep it live.
extension ClassRoom {
    var classView: ClassView {
        ClassView(name: settings.name, joinLine: joinLine, code: code, steps: settings.steps)
    }

    func view(of learner: Learner, at now: Int64) -> LearnerView {
        let sockets = socketCounts[learner.account] ?? 0
        let progress = learner.progress
        return LearnerView(
            id: learner.id, name: learner.name, account: learner.account,
            online: sockets > 0 || now - learner.lastSeen < Self.onlineWindow, joinedAt: learner.joinedAt,
            lastSeen: learner.lastSeen, tutorial: progress.tutorial, stepsDone: progress.stepsDone ?? [],
            currentStep: progress.currentStep, commands: progress.commands ?? 0, lastError: progress.lastError,
            lastErrorAt: progress.lastErrorAt, stuck: learner.isStuck(at: now), openSockets: sockets,
            tokens: progress.tokens ?? [], conversations: conversationCache[learner.account] ?? [])
    }

    func snapshot() -> RosterSnapshot {
        let now = InMemorySandboxStore.now()
        return RosterSnapshot(
            class: classView, learners: order.compactMap { learners[$0] }.map { view(of: $0, at: now) })
    }

    /// A new dashboard stream: the snapshot first, then each change.
    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(1024))
        let id = nextStream
        nextStream += 1
        streams[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        continuation.yield(Self.event("snapshot", snapshot()))
        return stream
    }

    func unsubscribe(_ id: Int) {
        streams[id] = nil
    }

    /// One server-sent event: its name and one line of JSON.
    static func event(_ name: String, _ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return "event: \(name)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }

    func broadcast(_ text: String) {
        for continuation in streams.values { continuation.yield(text) }
    }

    /// Sends each learner (or only `learner`) whose row changed since it was last sent.
    func pushChanges(only learner: String? = nil) {
        let now = InMemorySandboxStore.now()
        for id in learner.map({ [$0] }) ?? order {
            guard let learner = learners[id] else { continue }
            let view = view(of: learner, at: now)
            if sentViews[id] != view {
                sentViews[id] = view
                broadcast(Self.event("learner", view))
            }
        }
    }

    func pushClassIfChanged() {
        let view = classView
        if sentClass != view {
            sentClass = view
            broadcast(Self.event("class", view))
        }
    }

    /// Reads the learners' conversations and sockets from the store, then pushes what changed.
    func refresh() async {
        let accounts = Set(order.compactMap { learners[$0]?.account })
        let (conversations, sockets) = await store.classSummaries(accounts: accounts)
        conversationCache = conversations
        socketCounts = sockets
        pushChanges()
    }

    /// Every 250 ms: the store's changes and the time-driven ones (online, stuck); a comment every 15 s keeps proxies
    /// from closing idle streams.
    func run() async {
        var ticks = 0
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(250))
            await refresh()
            ticks += 1
            if ticks % 8 == 0, unsaved { save() }
            if ticks % 60 == 0 { broadcast(": ping\n\n") }
        }
        for continuation in streams.values { continuation.finish() }
    }
}
