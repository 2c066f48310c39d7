/// HTTP/1.1 over a socket of its own (TLS straight on BoringSSL), on the builtin's thread: no event loop, no tasks.
/// A cold `lp-shell -c 'curl …'` spends most of its time in Swift's first-use type lookups, and AHC and NIO need
/// several hundred of them; this path needs a few dozen. Connections are kept alive between requests to the same
/// server (`DirectConnectionPool`); a request that finds its reused connection closed before any answer is sent
/// again on a new one, as curl does. The server receives the same bytes as from `CurlAHCTransport`
/// (`CurlRequest.headerLinesForDisplay`).
final class CurlDirectTransport: CurlTransport {
    private let trust: TrustStore
    /// What `trust` trusts, worked out at the first HTTPS connection (it reads the CA file) and kept for the others.
    private var roots: TrustStore.Roots?
    private let connectTimeout: Duration
    /// The `User-Agent` of `CONNECT` requests (`-A`, else curl's; a custom `-H` header is not sent to the proxy).
    private let userAgent: String
    private let deadline: ContinuousClock.Instant?
    /// `--resolve`, `-4`, `-6`.
    private let addressing: DirectAddressing
    /// The current connection and its pool key; whether it may go back once the body has been read.
    private var connection: DirectConnectionPool.Connection?
    private var poolKey: DirectConnectionPool.Key?
    private var pending: [UInt8] = []
    private var framing = HTTP1Response.Framing.none
    private var keepAlive = false
    private var bodyComplete = false
    /// Told of each `CONNECT` exchange with a proxy (its request lines and the proxy's answer), for `-v` and `-i`.
    var tunnelObserver: ((_ request: [String], _ response: CurlResponseHead) throws -> Void)?

    /// - Parameters:
    ///   - connectTimeout: `--connect-timeout`, else curl's 300 s.
    ///   - deadline: when `-m` ends the transfer, if given.
    ///   - userAgent: what `CONNECT` requests to a proxy send as `User-Agent`.
    ///   - addressing: `--resolve` entries and the address family (`-4`, `-6`).
    init(
        trust: TrustStore, connectTimeout: Duration, deadline: ContinuousClock.Instant?, userAgent: String,
        addressing: DirectAddressing = .system
    ) {
        self.trust = trust
        self.addressing = addressing
        self.userAgent = userAgent
        self.connectTimeout = connectTimeout
        self.deadline = deadline
    }

    func send(_ request: CurlRequest) throws -> CurlResponseHead {
        finish()
        let url = request.url
        let key = DirectConnectionPool.Key(
            scheme: url.scheme, host: url.host, port: url.effectivePort, trust: trust, proxy: request.proxy,
            addressing: addressing)
        let message = Self.wire(request.headerLinesForDisplay, body: request.body)
        // A request that asks the server to close is the connection's last, whatever the answer says.
        let asksToClose = request.headers.contains {
            $0.name.lowercased() == "connection" && $0.value.lowercased().contains("close")
        }
        if let reused = DirectConnectionPool.take(key) {
            reused.socket.deadline = deadline
            connection = reused
            poolKey = key
            do {
                return try exchange(message, method: request.method, asksToClose: asksToClose)
            } catch let error as CurlError where pending.isEmpty && [52, 55, 56].contains(error.code) {
                // The server closed the idle connection before it saw the request: send it on a new one.
                finish()
            }
        }
        // The plain connection carries the tunnel request first; one that fails before the end of its TLS handshake
        // is closed by `finish()`, which the transfer always calls.
        let socket = try connect(to: url, through: request.proxy)
        connection = DirectConnectionPool.Connection(socket: socket, tls: nil)
        poolKey = key
        if request.proxy != nil && url.scheme == "https" {
            try openTunnel(for: request)
        }
        if url.scheme == "https" {
            let decided = try roots ?? trust.roots()
            roots = decided
            let session = try DirectTLS(socket: socket, host: url.host, roots: decided, trust: trust)
            try session.handshake(host: url.host, port: url.effectivePort)
            connection = DirectConnectionPool.Connection(socket: socket, tls: session)
        }
        return try exchange(message, method: request.method, asksToClose: asksToClose)
    }

    /// A TCP connection to the server, or to the proxy when there is one.
    private func connect(to url: CurlURL, through proxy: CurlProxy?) throws -> DirectSocket {
        guard let proxy else {
            return try DirectSocket.connect(
                host: url.host, port: url.effectivePort, connectTimeout: connectTimeout, deadline: deadline,
                addressing: addressing)
        }
        do {
            return try DirectSocket.connect(
                host: proxy.host, port: proxy.port, connectTimeout: connectTimeout, deadline: deadline,
                addressing: addressing)
        } catch let error as CurlError where error.code == 6 {
            throw CurlError(code: 5, message: "Could not resolve proxy: \(proxy.host)")
        }
    }

    /// Asks the proxy for a tunnel to the https server (`CONNECT host:port`) on the new plain connection and reads
    /// its answer. - Throws: curl's 56 `CONNECT tunnel failed, response N` unless the proxy answers 2xx.
    private func openTunnel(for request: CurlRequest) throws {
        let lines = request.tunnelRequestLines(userAgent: userAgent)
        pending = []
        try write(Self.wire(lines))
        let head: CurlResponseHead
        do {
            head = try readHead()
        } catch let error as CurlError where error.code == 52 {
            throw CurlError(code: 56, message: "Proxy CONNECT aborted")
        }
        try tunnelObserver?(lines, head)
        // Bytes after the answer would be read as the server's TLS: refused like any answer but 2xx.
        guard (200..<300).contains(head.status), pending.isEmpty else {
            throw CurlError(code: 56, message: "CONNECT tunnel failed, response \(head.status)")
        }
    }

    /// A request head on the wire: the lines ended by CRLF, a blank line, then the body.
    private static func wire(_ lines: [String], body: [UInt8]? = nil) -> [UInt8] {
        var message: [UInt8] = []
        for line in lines {
            message += line.utf8
            message += [13, 10]
        }
        message += [13, 10]
        if let body { message += body }
        return message
    }

    /// Writes the request and reads the response head (interim 1xx responses passed over).
    private func exchange(_ message: [UInt8], method: String, asksToClose: Bool) throws -> CurlResponseHead {
        pending = []
        bodyComplete = false
        try write(message)
        while true {
            let head = try readHead()
            if (100..<200).contains(head.status) && head.status != 101 { continue }
            framing = try HTTP1Response.framing(of: head, method: method)
            keepAlive = !asksToClose && Self.allowsReuse(head) && framing != .untilClose
            if framing == .none { bodyComplete = true }
            return head
        }
    }

    /// HTTP/1.1 keeps the connection unless either side says `close`; HTTP/1.0 only with `keep-alive`.
    private static func allowsReuse(_ head: CurlResponseHead) -> Bool {
        var close = false
        var keepAlive = false
        for value in head.values("Connection") {
            let lowered = value.lowercased()
            close = close || lowered.contains("close")
            keepAlive = keepAlive || lowered.contains("keep-alive")
        }
        return !close && head.version.major == 1 && (head.version.minor >= 1 || keepAlive)
    }

    /// Reads until a whole head has arrived (the server's or, for a tunnel, the proxy's).
    /// - Throws: 52 when the peer closes before a response.
    private func readHead() throws -> CurlResponseHead {
        while true {
            if let (head, length) = try HTTP1Response.parseHead(pending[...]) {
                pending.removeFirst(length)
                return head
            }
            let received = try receive()
            if received.isEmpty {
                throw pending.isEmpty ? CurlError.emptyReply : HTTP1Response.weirdReply
            }
            pending += received
        }
    }

    func readBody(_ sink: (ArraySlice<UInt8>) throws -> Void) throws {
        switch framing {
        case .none:
            return
        case .length(var remaining):
            if pending.count > remaining { keepAlive = false }
            if !pending.isEmpty {
                let take = min(remaining, pending.count)
                try sink(pending[..<take])
                remaining -= take
            }
            while remaining > 0 {
                let chunk = try receive()
                guard !chunk.isEmpty else {
                    throw CurlError.transferClosed(remaining: remaining)
                }
                let take = min(remaining, chunk.count)
                if chunk.count > take { keepAlive = false }
                try sink(chunk[..<take])
                remaining -= take
            }
        case .chunked:
            var decoder = ChunkedDecoder()
            var unused = pending.count - (try decoder.feed(pending[...], emit: sink))
            while !decoder.isDone {
                let chunk = try receive()
                guard !chunk.isEmpty else {
                    throw CurlError.transferClosed(remaining: nil)
                }
                unused = chunk.count - (try decoder.feed(chunk[...], emit: sink))
            }
            // Bytes after the last chunk would be an answer nobody asked for: such a connection is not reused.
            if unused > 0 { keepAlive = false }
        case .untilClose:
            if !pending.isEmpty { try sink(pending[...]) }
            while true {
                let chunk = try receive()
                if chunk.isEmpty { break }
                try sink(chunk[...])
            }
        }
        pending = []
        bodyComplete = true
    }

    private func write(_ bytes: [UInt8]) throws {
        guard let connection else { return }
        if let tls = connection.tls { try tls.send(bytes) } else { try connection.socket.send(bytes) }
    }

    /// The next bytes from the server; empty when it closed. - Throws: 56 when it reset the connection.
    private func receive() throws -> [UInt8] {
        guard let connection else { return [] }
        try connection.socket.checkStop()
        var failure: (any Error)?
        // Uninitialised capacity: no zero-filling of 64 KB for every read.
        let bytes = [UInt8](unsafeUninitializedCapacity: 65_536) { buffer, initialized in
            do {
                let raw = UnsafeMutableRawBufferPointer(buffer)
                initialized = try connection.tls?.receive(into: raw) ?? connection.socket.receive(into: raw)
            } catch {
                failure = error
                initialized = 0
            }
        }
        if failure is DirectReset { throw CurlError.receiveFailure("Connection reset by peer") }
        if let failure { throw failure }
        return bytes
    }

    /// Puts the connection back in the pool if its response was read to the end and it may be reused, else closes
    /// it.
    func finish() {
        if let connection {
            // Through a proxy every request opens its own connection (and tunnel), as each curl process does: a
            // pooled tunnel would make `-i` and `-v` show the proxy's answer for the first curl command only.
            if keepAlive && bodyComplete && pending.isEmpty, let poolKey, poolKey.proxy == nil {
                DirectConnectionPool.put(connection, for: poolKey)
            } else {
                connection.close()
            }
        }
        connection = nil
        poolKey = nil
        keepAlive = false
        bodyComplete = false
    }
}
