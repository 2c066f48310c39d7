import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// A request as the test server received it.
public struct RecordedRequest: Sendable, Equatable {
    /// The method.
    public var method: String
    /// The request target (path and query).
    public var target: String
    /// The headers in the order received, names as sent.
    public var headers: [[String]]
    /// The body bytes.
    public var body: [UInt8]
}

/// A real HTTP/1.1 server on 127.0.0.1, port 0, optionally over TLS, for curl tests.
///
/// Routes: `/echo` (JSON of method, path, query, headers in order, body), `/status/N`, `/redirect/N`
/// (N hops, then `/echo`), `/redirect-to?url=U&status=S`, `/cookies/set?k=v` (sets them, `Path=/`),
/// `/cookies` (JSON of the Cookie header), `/slow?ms=N` (answers after N ms), `/drip?ms=N` (sends the head and
/// half the body, waits N ms, sends the rest), `/json`, `/gzip` (a gzip-encoded body), `/close` (closes
/// without answering), `/jwks` (the body given at start). Every request is also recorded.
public final class HTTPTestServer: Sendable {
    /// The bound port.
    public let port: Int
    /// `http` or `https`.
    public let scheme: String
    private let channel: any Channel
    private let recorder: RequestRecorder

    /// `scheme://127.0.0.1:port`.
    public var baseURL: String { "\(scheme)://127.0.0.1:\(port)" }

    private init(port: Int, scheme: String, channel: any Channel, recorder: RequestRecorder) {
        self.port = port
        self.scheme = scheme
        self.channel = channel
        self.recorder = recorder
    }

    /// Starts a server; pass a server TLS configuration for HTTPS.
    public static func start(tls: TLSConfiguration? = nil, jwks: String = "{}") async throws -> HTTPTestServer {
        let recorder = RequestRecorder()
        let sslContext = try tls.map { try NIOSSLContext(configuration: $0) }
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let sslContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: sslContext))
                    }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(
                        TestRouteHandler(recorder: recorder, jwks: jwks))
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        return HTTPTestServer(port: port, scheme: tls == nil ? "http" : "https", channel: channel, recorder: recorder)
    }

    /// Every request received so far, and forgets them.
    public func takeRequests() -> [RecordedRequest] {
        recorder.take()
    }

    /// Stops listening.
    public func shutdown() async throws {
        try await channel.close()
    }
}

final class RequestRecorder: Sendable {
    private let requests = Mutex<[RecordedRequest]>([])

    func record(_ request: RecordedRequest) {
        requests.withLock { $0.append(request) }
    }

    func take() -> [RecordedRequest] {
        requests.withLock { requests in
            defer { requests = [] }
            return requests
        }
    }
}
