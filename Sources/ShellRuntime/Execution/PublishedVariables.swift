import Synchronization

/// Shell variables that commands running in the background publish for the shell and for each other (the
/// conversation id a background socket captured): the shell applies them before each simple command, every
/// copy of the state from the version it last saw.
public final class PublishedVariables: Sendable {
    private struct Store {
        var version = 0
        /// Name → value ("" to unset) and the version that set it.
        var values: [String: (value: String, version: Int)] = [:]
    }

    private let store = Mutex(Store())
    private let latest = Atomic(0)

    public init() {}

    /// The current version (0: nothing published yet).
    public var version: Int { latest.load(ordering: .acquiring) }

    /// Publishes values ("" unsets the variable).
    public func publish(_ values: [String: String]) {
        guard !values.isEmpty else { return }
        store.withLock { store in
            store.version += 1
            for (name, value) in values { store.values[name] = (value, store.version) }
            latest.store(store.version, ordering: .releasing)
        }
    }

    /// The values published after `version`, and the version they bring the reader to; nil when none.
    public func changes(since version: Int) -> (values: [String: String], version: Int)? {
        guard latest.load(ordering: .acquiring) > version else { return nil }
        return store.withLock { store in
            var changed: [String: String] = [:]
            for (name, entry) in store.values where entry.version > version { changed[name] = entry.value }
            return (changed, store.version)
        }
    }

    /// Every value published so far.
    public var all: [String: String] {
        store.withLock { $0.values.mapValues(\.value) }
    }
}

extension ShellState {
    /// Applies the variables background commands published since this state last looked.
    public mutating func applyPublishedVariables() {
        guard let update = backgroundJobs.published.changes(since: publishedVersion) else { return }
        publishedVersion = update.version
        for (name, value) in update.values {
            if value.isEmpty {
                try? variables.unset(name)
            } else {
                try? variables.set(name, to: value)
            }
        }
    }
}
