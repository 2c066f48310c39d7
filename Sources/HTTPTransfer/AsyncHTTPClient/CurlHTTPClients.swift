import AsyncHTTPClient
import NIOCore
import NIOHTTPCompression
import Synchronization

/// The process's HTTP clients, created on first use and kept for the life of the process.
///
/// Creating a client is cheap (they share NIO's singleton event loop group), but each owns a connection pool,
/// so reusing one lets a second `curl` to the same server skip the TCP and TLS handshakes. TLS settings are
/// per request (AHC pools connections by TLS configuration); only what AHC fixes per client — the connect
/// timeout and response decompression — selects a different client. The clients live in a global that is
/// never deinitialised, so AHC's "not shut down" assertion cannot fire; the process exit closes the sockets.
enum CurlHTTPClients {
    /// What selects a client.
    struct Key: Hashable, Sendable {
        /// `--connect-timeout` in milliseconds, or nil for the default.
        var connectTimeoutMilliseconds: Int64?
        /// `--compressed`.
        var decompress: Bool
        /// The HTTP proxy (AHC tunnels every request through it with `CONNECT`).
        var proxy: CurlProxy?
        /// `--http1.1`: no HTTP/2 even where the server offers it.
        var http1Only = false
    }

    private static let clients = Mutex<[Key: HTTPClient]>([:])

    /// The client for `key`, created on first use.
    static func client(for key: Key) -> HTTPClient {
        clients.withLock { clients in
            if let existing = clients[key] { return existing }
            var configuration = HTTPClient.Configuration()
            configuration.redirectConfiguration = .disallow
            configuration.connectionPool.retryConnectionEstablishment = false
            configuration.httpVersion = key.http1Only ? .http1Only : .automatic
            configuration.timeout = HTTPClient.Configuration.Timeout(
                connect: .milliseconds(key.connectTimeoutMilliseconds ?? 300_000))
            configuration.decompression = key.decompress ? .enabled(limit: .none) : .disabled
            if let proxy = key.proxy {
                configuration.proxy = .server(
                    host: proxy.host, port: proxy.port,
                    authorization: proxy.encodedCredentials.map { .basic(credentials: $0) })
            }
            configuration.http1_1ConnectionDebugInitializer = CurlConnectionTracker.track
            configuration.http2ConnectionDebugInitializer = CurlConnectionTracker.track
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            clients[key] = client
            return client
        }
    }
}
