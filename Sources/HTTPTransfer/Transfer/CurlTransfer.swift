import ShellRuntime
import Synchronization

/// One URL's transfer: sends the request, follows redirects with `-L`, writes headers and body, keeps the
/// numbers `-w` reports, and turns every failure into curl's numbered error. Runs on the builtin's thread over
/// a `CurlTransport` picked per request (`CurlTransportChoice`).
package final class CurlTransfer: @unchecked Sendable {
    // @unchecked: the builtin's thread runs the transfer; AHC's polling task only reads the atomics and `start`.
    private let options: CurlOptions
    private let builder: CurlRequestBuilder
    private let trust: TrustStore
    private let choice: CurlTransportChoice
    /// The shell's environment: the proxy variables (`https_proxy`, `no_proxy`, …).
    private let environment: [String: String]
    private let stderr: ByteOutput
    private let output: CurlOutput
    private let start = ContinuousClock.now
    private let receivedBytes = Atomic<Int>(0)
    private let expectedBytes = Atomic<Int>(-1)
    private var direct: CurlDirectTransport?
    private var asyncHTTPClient: CurlAHCTransport?
    /// The request being sent, and whether `-v` has shown its tunnel being opened.
    private var current: CurlRequest?
    private var tunnelShown = false

    /// `-D`/`--dump-header`: where every response head goes (redirects and a proxy's `CONNECT` answer included).
    package var headerDump: CurlOutput?
    /// The cookie engine (`-b`/`-c`), nil when off.
    package private(set) var jar: CookieJar?
    /// What the transfer measured; `error` is set when it failed.
    package private(set) var stats = CurlTransferStats()
    /// True when Ctrl-C stopped the transfer.
    package private(set) var interrupted = false
    /// The expected body size of the last response, for the progress meter.
    package var expectedDownload: Int? {
        let value = expectedBytes.load(ordering: .relaxed)
        return value < 0 ? nil : value
    }

    package init(
        options: CurlOptions, builder: CurlRequestBuilder, trust: TrustStore, choice: CurlTransportChoice,
        environment: [String: String], jar: CookieJar?, stderr: ByteOutput, output: CurlOutput
    ) {
        self.options = options
        self.environment = environment
        self.builder = builder
        self.trust = trust
        self.choice = choice
        self.jar = jar
        self.stderr = stderr
        self.output = output
    }

    private var elapsedMilliseconds: Int { start.millisecondsAgo }

    private var elapsedSeconds: Double { Double(elapsedMilliseconds) / 1000 }

    /// Runs the transfer to the end, under `-m` and Ctrl-C.
    package func run(url: CurlURL) {
        stats.urlEffective = url.description
        do {
            try transfer(url)
        } catch let stop as CurlStop {
            switch stop {
            case .interrupted: interrupted = true
            case .deadline: stats.error = timeoutError(connected: true)
            case .connectDeadline, .connectTimeout: stats.error = timeoutError(connected: false)
            }
        } catch let error as CurlError {
            stats.error = error
        } catch {
            stats.error = CurlError(code: 56, message: "Failure when receiving data from the peer: \(error)")
        }
        direct?.finish()
        stats.timeTotal = elapsedSeconds
        output.close()
        headerDump?.close()
    }

    /// The transport for a request to `url`, created on first use.
    private func transport(for request: CurlRequest) -> any CurlTransport {
        if choice.usesDirect(
            for: request.url, options: options, proxied: request.proxy != nil,
            bodiless: request.ahcWouldAddContentLength)
        {
            if let direct { return direct }
            let created = CurlDirectTransport(
                trust: trust, connectTimeout: .milliseconds(Int64((options.connectTimeout ?? 300) * 1000)),
                deadline: options.maxTime.map { start + .milliseconds(Int64($0 * 1000)) },
                userAgent: options.userAgent ?? CurlRequestBuilder.defaultUserAgent,
                addressing: DirectAddressing(options: options))
            created.tunnelObserver = { [weak self] request, response in try self?.showTunnel(request, response) }
            direct = created
            return created
        }
        if let asyncHTTPClient { return asyncHTTPClient }
        let created = CurlAHCTransport(options: options, trust: trust, start: start) { [weak self] in
            try self?.checkStop()
        }
        asyncHTTPClient = created
        return created
    }

    /// Throws when the transfer must end now: Ctrl-C, or `-m` expired.
    private func checkStop() throws {
        if InterruptState.isInterrupted { throw CurlStop.interrupted }
        if let limit = options.maxTime.map({ Int($0 * 1000) }), elapsedMilliseconds >= limit {
            throw timeoutError(connected: CurlConnectionTracker.openConnections > 0)
        }
    }

    /// curl's code 28 when `-m` expires: while connecting, or with the bytes received so far.
    private func timeoutError(connected: Bool) -> CurlError {
        let elapsed = elapsedMilliseconds
        guard connected else { return .connectTimedOut(milliseconds: elapsed) }
        let received = receivedBytes.load(ordering: .relaxed)
        let expected = expectedBytes.load(ordering: .relaxed)
        let amount = expected >= 0 ? "\(received) out of \(expected)" : "\(received)"
        return CurlError(
            code: 28, message: "Operation timed out after \(elapsed) milliseconds with \(amount) bytes received")
    }

    private func transfer(_ firstURL: CurlURL) throws {
        var url = firstURL
        var method = builder.method
        var sendBody = !options.dataInQuery
        while true {
            let now = Self.epochSeconds
            var request = builder.request(
                for: url, method: method, sendBody: sendBody, cookies: jar?.header(for: url, now: now))
            request.proxy = try CurlProxy.resolve(for: url, options: options, environment: environment)
            stats.urlEffective = url.description
            stats.method = method
            stats.scheme = url.scheme.uppercased()
            stats.remoteHost = url.host
            stats.remotePort = url.effectivePort
            let transport = transport(for: request)
            let response = try send(request, over: transport)
            let status = response.status
            let location = response.first("Location")
            stats.httpCode = status
            stats.httpVersion = response.versionText
            stats.responseHeaders = response.headers
            expectedBytes.store(response.first("Content-Length").flatMap { Int($0) } ?? -1, ordering: .relaxed)
            let headerBlock = response.block
            stats.sizeHeader += headerBlock.utf8.count
            for cookie in response.values("Set-Cookie") {
                jar?.store(setCookie: cookie, host: url.host, requestPath: url.path, now: now)
            }
            if options.verbose { showReceived(headerBlock) }
            try headerDump?.write(Array(headerBlock.utf8)[...])
            let showHeaders = options.includeHeaders || options.headOnly
            if let location, [301, 302, 303, 307, 308].contains(status) {
                let target = try url.resolving(location)
                if options.followRedirects {
                    if showHeaders { try output.write(Array(headerBlock.utf8)[...]) }
                    try transport.readBody { _ in }
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
                if showHeaders { try output.write(Array(headerBlock.utf8)[...]) }
                throw CurlError.httpError(status)
            }
            if showHeaders { try output.write(Array(headerBlock.utf8)[...]) }
            do {
                try transport.readBody { bytes in
                    stats.sizeDownload += bytes.count
                    receivedBytes.add(bytes.count, ordering: .relaxed)
                    if options.verbose { stderr.write("{ [\(bytes.count) bytes data]\n") }
                    try output.writeBody(bytes)
                }
            } catch let error as CurlError where error.code == 18 {
                let expected = expectedBytes.load(ordering: .relaxed)
                throw expected > stats.sizeDownload ? .transferClosed(remaining: expected - stats.sizeDownload) : error
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
    private func send(_ request: CurlRequest, over transport: any CurlTransport) throws -> CurlResponseHead {
        let host = request.proxy?.hostForURL ?? request.url.hostForURL
        let port = request.proxy?.port ?? request.url.effectivePort
        if options.verbose {
            stderr.write("*   Trying \(host):\(port)...\n")
        }
        current = request
        tunnelShown = false
        let response = try transport.send(request)
        stats.timeStartTransfer = elapsedSeconds
        stats.sizeUpload += request.body?.count ?? 0
        if options.verbose {
            if !tunnelShown { showConnected(host: host, port: port) }
            showSent(request.headerLinesForDisplay)
            if let body = request.body, !body.isEmpty { stderr.write("} [\(body.count) bytes data]\n") }
        }
        return response
    }

    /// A proxy's answer to `CONNECT`: kept for `%{http_connect}`, shown by `-v` (with the request) and, as curl
    /// does, by `-i` before the server's own response.
    private func showTunnel(_ request: [String], _ response: CurlResponseHead) throws {
        stats.httpConnect = response.status
        if options.verbose, let current, let proxy = current.proxy {
            showConnected(host: proxy.hostForURL, port: proxy.port)
            stderr.write("* Establish HTTP proxy tunnel to \(current.url.authority)\n")
            showSent(request)
            showReceived(response.block)
            if (200..<300).contains(response.status) {
                stderr.write("* CONNECT phase completed\n* CONNECT tunnel established, response \(response.status)\n")
            }
            tunnelShown = true
        }
        try headerDump?.write(Array(response.block.utf8)[...])
        if options.includeHeaders || options.headOnly { try output.write(Array(response.block.utf8)[...]) }
    }

    /// `-v`: the connection is up.
    private func showConnected(host: String, port: Int) {
        stderr.write("* Connected to \(host) (\(host)) port \(port) (#0)\n")
    }

    /// `-v`: a request head as sent, each line after `> `, then `> ` alone for the blank line.
    private func showSent(_ lines: [String]) {
        stderr.write(lines.map { "> \($0)\r\n" }.joined() + "> \r\n")
    }

    /// `-v`: a response head as received (`block`: its CRLF-ended lines and the blank line), each line after `< `.
    private func showReceived(_ block: String) {
        let lines = block.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast()
            .map { "< \($0)\r\n" }.joined()
        stderr.write(lines.isEmpty ? "< \r\n" : lines)
    }

    /// Seconds since 1970, for cookie expiry.
    package static var epochSeconds: Int64 {
        Int64(timeOfDay())
    }
}
