import Synchronization

/// Idle keep-alive connections of the direct transport, kept for the next request to the same server: in a session
/// the tutorial's curls to the IdP share one TLS connection, as they did through AsyncHTTPClient's pool.
///
/// A connection goes back only after its response was read to the end and neither side asked to close; it is
/// taken back only if the peer has not closed it meanwhile (nothing readable on the socket). A short list, not a
/// dictionary: a cold process would pay the runtime's first-use lookup of the key's `Hashable` conformance.
enum DirectConnectionPool {
    /// What a connection can be reused for: the same server, reached the same way, trusted the same way.
    struct Key: Equatable, Sendable {
        var scheme: String
        var host: String
        var port: Int
        var trust: TrustStore
        /// The proxy the connection goes through (a tunnel, for https), if any.
        var proxy: CurlProxy?
        /// `--resolve` and `-4`/`-6`: a connection made to an overridden address serves only the same overrides.
        var addressing: DirectAddressing = .system
    }

    /// An open connection, owned by one transfer at a time.
    final class Connection: @unchecked Sendable {
        // @unchecked: either in the pool (behind its lock) or held by exactly one transport.
        let socket: DirectSocket
        let tls: DirectTLS?

        init(socket: DirectSocket, tls: DirectTLS?) {
            self.socket = socket
            self.tls = tls
        }

        func close() {
            tls?.shutdown()
            socket.close()
        }
    }

    /// At most this many idle connections are kept (the oldest is closed first).
    static let capacity = 4

    private static let idle = Mutex<[(key: Key, connection: Connection)]>([])

    /// An idle connection for `key` that is still open, if there is one.
    static func take(_ key: Key) -> Connection? {
        while let found = idle.withLock({ entries -> Connection? in
            guard let index = entries.lastIndex(where: { $0.key == key }) else { return nil }
            return entries.remove(at: index).connection
        }) {
            if found.socket.isOpenAndQuiet { return found }
            found.close()
        }
        return nil
    }

    /// Keeps `connection` for the next request to `key`.
    static func put(_ connection: Connection, for key: Key) {
        let evicted = idle.withLock { entries -> [Connection] in
            entries.append((key, connection))
            guard entries.count > capacity else { return [] }
            let overflow = entries.count - capacity
            defer { entries.removeFirst(overflow) }
            return entries.prefix(overflow).map(\.connection)
        }
        for connection in evicted { connection.close() }
    }
}
