import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL
import ShellRuntime

/// AsyncHTTPClient behind the builtin's thread: each step runs to its end in `runBlocking`, raced against
/// `stop`, which ends it on Ctrl-C and when `-m` expires (see `CurlTransfer.checkStop`).
final class CurlAHCTransport: CurlTransport, @unchecked Sendable {
    // @unchecked: the builtin's thread and the one task `runBlocking` runs take turns; never both at once.
    private let clientKey: CurlHTTPClients.Key
    private let trust: TrustStore
    private let stop: @Sendable () throws -> Void
    private var tlsConfiguration: TLSConfiguration?
    private var body: HTTPClientResponse.Body?
    private let start: ContinuousClock.Instant
    private var connectStart = ContinuousClock.now
    private var url: CurlURL?
    private var proxy: CurlProxy?
    private var responded = false

    /// - Parameters:
    ///   - start: when the transfer started (curl's messages count from there).
    ///   - stop: throws when the transfer must end now; polled every 5 ms.
    init(
        options: CurlOptions, trust: TrustStore, start: ContinuousClock.Instant,
        stop: @escaping @Sendable () throws -> Void
    ) {
        self.trust = trust
        self.start = start
        self.stop = stop
        self.clientKey = CurlHTTPClients.Key(
            connectTimeoutMilliseconds: options.connectTimeout.map { Int64($0 * 1000) },
            decompress: options.compressed, proxy: nil, http1Only: options.http1Only == true)
    }

    func send(_ request: CurlRequest) throws -> CurlResponseHead {
        var ahcRequest = HTTPClientRequest(url: request.url.description)
        ahcRequest.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { ahcRequest.headers.add(name: header.name, value: header.value) }
        if let body = request.body {
            ahcRequest.body = .bytes(ByteBuffer(bytes: body))
        }
        if request.url.scheme == "https" {
            if tlsConfiguration == nil { tlsConfiguration = try trust.tlsConfiguration() }
            ahcRequest.tlsConfiguration = tlsConfiguration
        }
        var key = clientKey
        key.proxy = request.proxy
        let client = CurlHTTPClients.client(for: key)
        let sendable = ahcRequest
        url = request.url
        proxy = request.proxy
        responded = false
        connectStart = ContinuousClock.now
        let response = try guarded { try await client.execute(sendable, deadline: .distantFuture) }
        body = response.body
        responded = true
        return CurlResponseHead(
            version: (response.version.major, response.version.minor), status: Int(response.status.code),
            reason: response.status.reasonPhrase,
            headers: response.headers.map { (name: $0.name, value: $0.value) })
    }

    func readBody(_ sink: (ArraySlice<UInt8>) throws -> Void) throws {
        guard let body else { return }
        self.body = nil
        // The chunks come over one at a time so that `sink` (the output) runs on the builtin's thread.
        let cursor = IteratorBox(body.makeAsyncIterator())
        while let chunk = try guarded({ () async throws -> ByteBuffer? in try await cursor.next() }) {
            try sink(ArraySlice(chunk.readableBytesView))
        }
    }

    /// Runs `operation` to its end, or until `stop` throws.
    private func guarded<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let stop = self.stop
        do {
            return try run(operation, stop: stop)
        } catch let error as CurlError {
            throw error
        } catch let error as CurlStop {
            throw error
        } catch {
            guard let url else { throw error }
            throw translate(error, url: url)
        }
    }

    private func run<T: Sendable>(
        _ operation: @escaping @Sendable () async throws -> T, stop: @escaping @Sendable () throws -> Void
    ) throws -> T {
        try runBlocking {
            try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask { try await operation() }
                group.addTask {
                    while true {
                        try stop()
                        try await Task.sleep(for: .milliseconds(5))
                    }
                }
                defer { group.cancelAll() }
                while let result = try await group.next() {
                    if let result { return result }
                }
                throw CancellationError()
            }
        }
    }

    /// Maps AHC, NIO and TLS errors to curl's codes and messages.
    private func translate(_ error: any Error, url: CurlURL) -> CurlError {
        let responded = self.responded
        let host = url.host
        let port = url.effectivePort
        if let connection = error as? any NIOConnectionErrorView {
            if let proxy {
                if connection.isResolutionFailure {
                    return CurlError(code: 5, message: "Could not resolve proxy: \(proxy.host)")
                }
                return .couldNotConnect(host: proxy.host, port: proxy.port, milliseconds: connectStart.millisecondsAgo)
            }
            if connection.isResolutionFailure { return .couldNotResolve(host) }
            return .couldNotConnect(host: host, port: port, milliseconds: connectStart.millisecondsAgo)
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .proxyAuthenticationRequired:
                return CurlError(code: 56, message: "CONNECT tunnel failed, response 407")
            case .invalidProxyResponse, .httpProxyHandshakeTimeout:
                return CurlError(code: 56, message: "CONNECT tunnel failed")
            case .connectTimeout:
                return CurlError(
                    code: 28,
                    message: "Failed to connect to \(host) port \(port) after \(start.millisecondsAgo) ms: "
                        + "Timeout was reached")
            case .remoteConnectionClosed:
                return !responded ? .emptyReply : .receiveFailure("Connection reset by peer")
            case .invalidURL, .emptyHost, .emptyScheme:
                return .malformedURL
            default:
                return CurlError(code: 56, message: "Failure when receiving data from the peer")
            }
        }
        if let error = error as? HTTPParserError, error == .invalidEOFState {
            // The body's end did not come; `CurlTransfer` adds how many bytes were missing when it knows.
            return .transferClosed(remaining: nil)
        }
        if let error = error as? NIOSSLExtraError, error == .failedToValidateHostname {
            return CurlError(
                code: 60, message: "SSL: no alternative certificate subject name matches target host name '\(host)'",
                trailer: CurlError.certificateHelp)
        }
        if let error = error as? NIOSSLError {
            let text = String(describing: error)
            if text.contains("CERTIFICATE_VERIFY_FAILED") {
                return .peerCertificate("unable to get local issuer certificate")
            }
            return .tlsConnect("OpenSSL/3.0.19: \(text)")
        }
        if let error = error as? IOError {
            if responded { return .receiveFailure(String(describing: error)) }
            return .couldNotConnect(host: host, port: port, milliseconds: start.millisecondsAgo)
        }
        if error is ChannelError {
            return !responded ? .emptyReply : .receiveFailure("Connection reset by peer")
        }
        return CurlError(code: 56, message: "Failure when receiving data from the peer: \(error)")
    }

    /// The body's iterator, advanced by one task at a time.
    private final class IteratorBox: @unchecked Sendable {
        // @unchecked: handed to one task at a time (each `guarded` step ends before the next starts).
        private var iterator: HTTPClientResponse.Body.AsyncIterator
        init(_ iterator: HTTPClientResponse.Body.AsyncIterator) { self.iterator = iterator }
        func next() async throws -> ByteBuffer? { try await iterator.next() }
    }
}
