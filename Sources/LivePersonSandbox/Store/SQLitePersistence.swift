import LivePersonAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The SQLite ``SandboxPersistence`` behind `lp-shell sandbox --data DIR`: one file `DIR/sandbox.sqlite` in WAL mode
/// with `synchronous=NORMAL`. Every write is its own transaction, committed before the store answers, so a commit
/// is in the WAL file (the kernel's page cache at least) when the client gets its ack: killing the process,
/// even with SIGKILL, loses nothing acknowledged. A power loss can lose the last commits (no fsync per commit).
final class SQLitePersistence: SandboxPersistence {
    static let fileName = "sandbox.sqlite"
    /// Bumped when the tables change; a file from another version is refused rather than misread.
    static let schemaVersion = 1

    private let database: SQLiteConnection
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()

    /// Opens (or creates) the database in `directory`, which is created 0700 when missing.
    init(directory: String) throws(SandboxPersistenceError) {
        let path = directory + "/" + Self.fileName
        do {
            try SecretFiles(directory: directory).prepareDirectory()
        } catch {
            throw SandboxPersistenceError(description: "cannot use data directory \(directory): \(error)")
        }
        do {
            // A new database is created 0600 (SQLite gives its -wal and -shm files the same mode); an existing
            // one keeps its mode: lp-shell warns about a loose one at start-up and leaves the fix to the user.
            if access(path, F_OK) != 0 {
                let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
                if descriptor >= 0 { close(descriptor) }
            }
            database = try SQLiteConnection(path: path)
            try database.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
            let version = (try database.run("PRAGMA user_version").first?.first ?? nil).flatMap { Int($0) } ?? 0
            if version == 0 {
                try database.execute(Self.schema + "PRAGMA user_version=\(Self.schemaVersion);")
            } else if version != Self.schemaVersion {
                throw SQLiteConnection.Failure(
                    description: "schema version \(version), this lp-shell reads version \(Self.schemaVersion)")
            }
        } catch {
            throw SandboxPersistenceError(description: "cannot open the sandbox data \(path): \(error)")
        }
        encoder.outputFormatting = .sortedKeys
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS accounts (id TEXT PRIMARY KEY, connector_id TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS conversations (id TEXT PRIMARY KEY, body TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS events (
            conversation_id TEXT NOT NULL, sequence INTEGER NOT NULL, body TEXT NOT NULL,
            PRIMARY KEY (conversation_id, sequence)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS agent_sessions (bearer TEXT PRIMARY KEY, body TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS revocations (token_hash TEXT PRIMARY KEY, expires INTEGER NOT NULL);

        """

    func load() throws(SandboxPersistenceError) -> PersistedState {
        do {
            var state = PersistedState()
            for row in try database.run("SELECT id, connector_id FROM accounts") {
                guard let id = row[0], let connector = row[1] else { continue }
                state.accounts.append(AccountInfo(id: id, connectorID: connector))
            }
            var conversations: [String: Conversation] = [:]
            // Events are stored under their dialog's id: a MAIN dialog's is its conversation's, a survey dialog's not.
            var owners: [String: String] = [:]
            for row in try database.run("SELECT body FROM conversations") {
                let conversation = try decode(Conversation.self, row[0])
                conversations[conversation.id] = conversation
                owners[conversation.id] = conversation.id
                if let dialog = conversation.postSurvey { owners[dialog.id] = conversation.id }
            }
            for row in try database.run("SELECT conversation_id, body FROM events ORDER BY conversation_id, sequence") {
                guard let dialogId = row[0], let owner = owners[dialogId] else { continue }
                let change = try decode(MessagingEventChange.self, row[1])
                conversations[owner]?.restoreEvent(change, dialogId: dialogId)
            }
            state.conversations = conversations.values.sorted { $0.startTs < $1.startTs }
            for row in try database.run("SELECT body FROM agent_sessions") {
                state.agentSessions.append(try decode(AgentSession.self, row[0]))
            }
            let now = Int64(Date().timeIntervalSince1970)
            try database.run("DELETE FROM revocations WHERE expires < ?", [.integer(now)])
            for row in try database.run("SELECT token_hash, expires FROM revocations") {
                guard let hash = row[0], let expires = row[1].flatMap({ Int64($0) }) else { continue }
                state.revocations[hash] = expires
            }
            return state
        } catch let failure as SandboxPersistenceError {
            throw failure
        } catch {
            throw SandboxPersistenceError(description: "cannot read the sandbox data: \(error)")
        }
    }

    func saveAccount(_ account: AccountInfo) throws(SandboxPersistenceError) {
        try write(
            "INSERT OR REPLACE INTO accounts (id, connector_id) VALUES (?, ?)",
            [.text(account.id), .text(account.connectorID)])
    }

    func saveConversation(_ conversation: Conversation) throws(SandboxPersistenceError) {
        try write(
            "INSERT OR REPLACE INTO conversations (id, body) VALUES (?, ?)",
            [.text(conversation.id), .text(try encode(conversation))])
    }

    func saveEvent(_ change: MessagingEventChange, conversationId: String) throws(SandboxPersistenceError) {
        guard let sequence = change.sequence else { return }
        try write(
            "INSERT OR REPLACE INTO events (conversation_id, sequence, body) VALUES (?, ?, ?)",
            [.text(conversationId), .integer(Int64(sequence)), .text(try encode(change))])
    }

    func saveAgentSession(_ session: AgentSession) throws(SandboxPersistenceError) {
        try write(
            "INSERT OR REPLACE INTO agent_sessions (bearer, body) VALUES (?, ?)",
            [.text(session.bearer), .text(try encode(session))])
    }

    func deleteAgentSession(bearer: String) throws(SandboxPersistenceError) {
        try write("DELETE FROM agent_sessions WHERE bearer = ?", [.text(bearer)])
    }

    func saveRevocation(tokenHash: String, expires: Int64) throws(SandboxPersistenceError) {
        try write(
            "INSERT OR REPLACE INTO revocations (token_hash, expires) VALUES (?, ?)",
            [.text(tokenHash), .integer(expires)])
    }

    private func write(_ sql: String, _ values: [SQLiteConnection.Value]) throws(SandboxPersistenceError) {
        do {
            try database.run(sql, values)
        } catch {
            throw SandboxPersistenceError(description: "cannot store sandbox data: \(error)")
        }
    }

    private func encode(_ value: some Encodable) throws(SandboxPersistenceError) -> String {
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw SandboxPersistenceError(description: "cannot encode sandbox data: \(error)")
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ text: String?) throws -> T {
        do {
            return try decoder.decode(type, from: Data((text ?? "").utf8))
        } catch {
            throw SandboxPersistenceError(description: "cannot read the sandbox data: a \(type) row is damaged")
        }
    }
}
