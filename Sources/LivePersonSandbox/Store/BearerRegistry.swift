import Synchronization

/// The agent bearers that open a brand socket, and their accounts: a synchronous copy of the store's agent sessions,
/// so that the connection pipeline can refuse an unknown bearer with `401` before the WebSocket upgrade (LivePerson's
/// agent SDKs log in again when the upgrade answers 401). The store keeps it in step on login and logout.
final class BearerRegistry: Sendable {
    private let accounts = Mutex<[String: String]>([:])

    func insert(_ bearer: String, account: String) {
        accounts.withLock { $0[bearer] = account }
    }

    func remove(_ bearer: String) {
        _ = accounts.withLock { $0.removeValue(forKey: bearer) }
    }

    /// The account whose agent holds `bearer`, or `nil` for an unknown (or logged-out) bearer.
    func account(of bearer: String) -> String? {
        accounts.withLock { $0[bearer] }
    }
}
