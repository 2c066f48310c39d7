import VaporCSQLite

/// A thin wrapper over one SQLite connection (the SQLite that sqlite-nio vendors and compiles in, its symbols
/// prefixed `sqlite_nio_`, so no system library is needed):
/// statements prepared once and reused, text and integer columns only. Not thread-safe; its owner (the store
/// actor) serialises every call.
final class SQLiteConnection {
    /// A failed SQLite call: what was being done and SQLite's own message.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// One bound value.
    enum Value {
        case text(String)
        case integer(Int64)
        case null
    }

    private let handle: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]

    /// Opens (creating if needed) the database file at `path`.
    init(path: String) throws(Failure) {
        var pointer: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite_nio_sqlite3_open_v2(path, &pointer, flags, nil)
        guard status == SQLITE_OK, let pointer else {
            let message =
                pointer.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) }
                ?? String(cString: sqlite_nio_sqlite3_errstr(status))
            sqlite_nio_sqlite3_close(pointer)
            throw Failure(description: message)
        }
        handle = pointer
        sqlite_nio_sqlite3_busy_timeout(handle, 2000)
    }

    deinit {
        for statement in statements.values {
            sqlite_nio_sqlite3_finalize(statement)
        }
        sqlite_nio_sqlite3_close(handle)
    }

    /// Runs one or more statements without parameters or results (schema, pragmas, BEGIN/COMMIT).
    func execute(_ sql: String) throws(Failure) {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite_nio_sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite_nio_sqlite3_free(error)
            throw Failure(description: message)
        }
    }

    /// Runs one statement with `values` bound to its `?` parameters; returns its rows (each column as text or nil).
    @discardableResult
    func run(_ sql: String, _ values: [Value] = []) throws(Failure) -> [[String?]] {
        let statement = try prepared(sql)
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .text(let text):
                status = sqlite_nio_sqlite3_bind_text(statement, index, text, -1, Self.transient)
            case .integer(let number):
                status = sqlite_nio_sqlite3_bind_int64(statement, index, number)
            case .null:
                status = sqlite_nio_sqlite3_bind_null(statement, index)
            }
            guard status == SQLITE_OK else { throw Failure(description: lastError) }
        }
        var rows: [[String?]] = []
        while true {
            switch sqlite_nio_sqlite3_step(statement) {
            case SQLITE_ROW:
                let count = sqlite_nio_sqlite3_column_count(statement)
                rows.append(
                    (0..<count).map { column in
                        sqlite_nio_sqlite3_column_text(statement, column).map { String(cString: $0) }
                    })
            case SQLITE_DONE:
                return rows
            default:
                throw Failure(description: lastError)
            }
        }
    }

    private func prepared(_ sql: String) throws(Failure) -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw Failure(description: lastError)
        }
        statements[sql] = statement
        return statement
    }

    private var lastError: String {
        String(cString: sqlite_nio_sqlite3_errmsg(handle))
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the bound text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
