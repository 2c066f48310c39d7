import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL
import ShellRuntime
import Synchronization

/// One URL's transfer: sends the request, follows redirects with `-L`, writes headers and body, keeps the
/// numbers `-w` reports, and turns every failure into curl's numbered error.
final class CurlTransfer: @unchecked Sendable {
    // @unchecked: the transfer task is the only writer of the mutable fields; the watchdog task only reads
    // the atomics; the builtin's thread reads `stats` after `runBlocking` returns.
    private let options: CurlOptions
    private let builder: CurlRequestBuilder
    private let trust: TrustStore
    private let stderr: ByteOutput
    private let output: CurlOutput
    private let client: HTTPClient
    private let start = ContinuousClock.now
    private let receivedBytes = Atomic<Int>(0)
    private let expectedBytes = Atomic<Int>(-1)
    private var tlsConfiguration: TLSConfiguration?
    private var connectStart = ContinuousClock.now

    /// The cookie engine (`-b`/`-c`), nil when off.
    private(set) var jar: CookieJar?
    /// What the transfer measured; `error` is set when it failed.
    private(set) var stats = CurlTransferStats()
    /// True when Ctrl-C stopped the transfer.
    private(set) var interrupted = false
    /// The expected body size of the last response, for the progress meter.
    var expectedDownload: Int? {
        let value = expectedBytes.load(ordering: .relaxed)
        return value < 0 ? nil : value
    }

    /// Marks the end of an interrupted transfer.
    private struct Interrupted: Error {}

    init(
        options: CurlOptions, builder: CurlRequestBuilder, trust: TrustStore, jar: CookieJar?, stderr: ByteOutput,
        output: CurlOutput
    ) {
        self.options = options
        self.builder = builder
        self.trust = trust
        self.jar = jar
        self.stderr = stderr
        self.output = output
        self.client = CurlHTTPClients.client(
            for: .init(
                connectTimeoutMilliseconds: options.connectTimeout.map { Int64($0 * 1000) },
                decompress: options.compressed))
    }

    private var elapsedMilliseconds: Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }

    private var elapsedSeconds: Double { Double(elapsedMilliseconds) / 1000 }

    /// Runs the transfer to the end, under `-m` and Ctrl-C.
    func run(url: CurlURL) async {
        stats.urlEffective = url.description
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await self.transfer(url) }
                group.addTask { try await self.watch() }
                try await group.next()
                group.cancelAll()
            }
        } catch is Interrupted {
            interrupted = true
        } catch let error as CurlError {
            stats.error = error
        } catch {
            stats.error = translate(error, url: url)
        }
        stats.timeTotal = elapsedSeconds
        output.close()
    }

    /// Ends the transfer on Ctrl-C or when `-m` expires.
    private func watch() async throws {
        let limit = options.maxTime.map { Int($0 * 1000) }
        while true {
            if InterruptState.isInterrupted { throw Interrupted() }
            if let limit, elapsedMilliseconds >= limit {
                let received = receivedBytes.load(ordering: .relaxed)
                let elapsed = elapsedMilliseconds
                if CurlConnectionTracker.openConnections == 0 {
                    throw CurlError(code: 28, message: "Connection timed out after \(elapsed) milliseconds")
                }
                let expected = expectedBytes.load(ordering: .relaxed)
                let amount = expected >= 0 ? "\(received) out of \(expected)" : "\(received)"
                throw CurlError(
                    code: 28, message: "Operation timed out after \(elapsed) milliseconds with \(amount) bytes received"
                )
            }
            try await Task.sleep(for: .milliseconds(limit == nil ? 50 : 5))
        }
    }

    private func transfer(_ firstURL: CurlURL) async throws {
        var url = firstURL
        var method = builder.method
        var sendBody = !options.dataInQuery
        while true {
            let now = Self.epochSeconds
            let request = builder.request(
                for: url, method: method, sendBody: sendBody, cookies: jar?.header(for: url, now: now))
            stats.urlEffective = url.description
            stats.method = method
            stats.scheme = url.scheme.uppercased()
            stats.remoteHost = url.host
            stats.remotePort = url.effectivePort
            let response = try await send(request)
            let status = Int(response.status.code)
            let location = response.headers.first(name: "Location")
            stats.httpCode = status
            stats.httpVersion =
                response.version.major == 2 ? "2" : "\(response.version.major).\(response.version.minor)"
            stats.responseHeaders = response.headers.map { (name: $0.name, value: $0.value) }
            expectedBytes.store(
                response.headers.first(name: "Content-Length").flatMap { Int($0) } ?? -1, ordering: .relaxed)
            let headerBlock = Self.headerBlock(response)
            stats.sizeHeader += headerBlock.utf8.count
            for cookie in response.headers["Set-Cookie"] {
                jar?.store(setCookie: cookie, host: url.host, requestPath: url.path, now: now)
            }
            if options.verbose {
                var lines = headerBlock.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast()
                    .map { "< \($0)\r\n" }.joined()
                lines = lines.isEmpty ? "< \r\n" : lines
                stderr.write(lines)
            }
            let showHeaders = options.includeHeaders || options.headOnly
            if let location, [301, 302, 303, 307, 308].contains(status) {
                let target = try url.resolving(location)
                if options.followRedirects {
                    if showHeaders { try output.write(Array(headerBlock.utf8)) }
                    for try await _ in response.body {}
                    stats.numRedirects += 1
                    if stats.numRedirects > options.maxRedirects {
                        throw CurlError.tooManyRedirects(options.maxRedirects)
                    }
                    if options.method == nil && method == "POST" && status != 307 && status != 308 {
                        method = "GET"
                        sendBody = false
                    }
                    url = target
                    continue
                }
                stats.redirectURL = target.description
            }
            if status >= 400 && options.failOnHTTPError && !options.failWithBody {
                if showHeaders { try output.write(Array(headerBlock.utf8)) }
                throw CurlError.httpError(status)
            }
            if showHeaders { try output.write(Array(headerBlock.utf8)) }
            for try await chunk in response.body {
                let bytes = chunk.readableBytesView
                stats.sizeDownload += bytes.count
                receivedBytes.add(bytes.count, ordering: .relaxed)
                if options.verbose { stderr.write("{ [\(bytes.count) bytes data]\n") }
                try output.writeBody(bytes)
            }
            try output.finishBody()
            if options.verbose {
                stderr.write("* Connection #0 to host \(url.hostForURL) left intact\n")
            }
            if status >= 400 && options.failWithBody { throw CurlError.httpError(status) }
            return
        }
    }

    /// Sends one request and waits for the response head.
    private func send(_ request: CurlRequest) async throws -> HTTPClientResponse {
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
        if options.verbose {
            stderr.write("*   Trying \(request.url.hostForURL):\(request.url.effectivePort)...\n")
        }
        connectStart = ContinuousClock.now
        let response = try await client.execute(ahcRequest, deadline: .distantFuture)
        stats.timeStartTransfer = elapsedSeconds
        stats.sizeUpload += request.body?.count ?? 0
        if options.verbose {
            let host = request.url.hostForURL
            stderr.write("* Connected to \(host) (\(host)) port \(request.url.effectivePort) (#0)\n")
            stderr.write(request.headerLinesForDisplay.map { "> \($0)\r\n" }.joined() + "> \r\n")
            if let body = request.body, !body.isEmpty { stderr.write("} [\(body.count) bytes data]\n") }
        }
        return response
    }

    /// The status line, the headers as received and the blank line, with CRLF endings.
    static func headerBlock(_ response: HTTPClientResponse) -> String {
        let version =
            response.version.major == 2 ? "HTTP/2" : "HTTP/\(response.version.major).\(response.version.minor)"
        var block = "\(version) \(response.status.code) \(response.status.reasonPhrase)\r\n"
        for header in response.headers { block += "\(header.name): \(header.value)\r\n" }
        return block + "\r\n"
    }

    /// Maps AHC, NIO and TLS errors to curl's codes and messages.
    private func translate(_ error: any Error, url: CurlURL) -> CurlError {
        let host = url.host
        let port = url.effectivePort
        if let connection = error as? any NIOConnectionErrorView {
            if connection.isResolutionFailure { return .couldNotResolve(host) }
            let elapsed = ContinuousClock.now - connectStart
            let milliseconds = Int(
                elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            return .couldNotConnect(host: host, port: port, milliseconds: milliseconds)
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout:
                return CurlError(
                    code: 28,
                    message: "Failed to connect to \(host) port \(port) after \(elapsedMilliseconds) ms: "
                        + "Timeout was reached")
            case .remoteConnectionClosed:
                return stats.httpCode == 0 ? .emptyReply : .receiveFailure("Connection reset by peer")
            case .invalidURL, .emptyHost, .emptyScheme:
                return .malformedURL
            default:
                return CurlError(code: 56, message: "Failure when receiving data from the peer")
            }
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
            if stats.httpCode != 0 { return .receiveFailure(String(describing: error)) }
            return .couldNotConnect(host: host, port: port, milliseconds: elapsedMilliseconds)
        }
        if error is ChannelError {
            return stats.httpCode == 0 ? .emptyReply : .receiveFailure("Connection reset by peer")
        }
        return CurlError(code: 56, message: "Failure when receiving data from the peer: \(error)")
    }

    /// Seconds since 1970, for cookie expiry.
    static var epochSeconds: Int64 {
        Int64(timeOfDay())
    }
}
