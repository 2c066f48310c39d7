/// HTTP/1.1 over a socket of its own (TLS straight on BoringSSL), one connection per request, on the builtin's
/// thread: no event loop, no connection pool, no tasks. A cold `lp-shell -c 'curl …'` spends most of its time in
/// Swift's first-use type lookups, and AHC and NIO need several hundred of them; this path needs a few dozen.
/// The server receives the same bytes as from `CurlAHCTransport` (`CurlRequest.headerLinesForDisplay`).
final class CurlDirectTransport: CurlTransport {
    private let trust: TrustStore
    private let connectTimeout: Duration
    private let deadline: ContinuousClock.Instant?
    private var socket: DirectSocket?
    private var tls: DirectTLS?
    private var pending: [UInt8] = []
    private var framing = HTTP1Response.Framing.none
    private(set) var connected = false

    /// - Parameters:
    ///   - connectTimeout: `--connect-timeout`, else curl's 300 s.
    ///   - deadline: when `-m` ends the transfer, if given.
    init(trust: TrustStore, connectTimeout: Duration, deadline: ContinuousClock.Instant?) {
        self.trust = trust
        self.connectTimeout = connectTimeout
        self.deadline = deadline
    }

    func send(_ request: CurlRequest) throws -> CurlResponseHead {
        finish()
        let url = request.url
        let socket = try DirectSocket.connect(
            host: url.host, port: url.effectivePort, connectTimeout: connectTimeout, deadline: deadline)
        self.socket = socket
        connected = true
        if url.scheme == "https" {
            let tls = try DirectTLS(socket: socket, host: url.host, trust: trust)
            self.tls = tls
            try tls.handshake(host: url.host, port: url.effectivePort)
        }
        var message = Array((request.headerLinesForDisplay.joined(separator: "\r\n") + "\r\n\r\n").utf8)
        if let body = request.body { message += body }
        try write(message)
        pending = []
        while true {
            let head = try readHead()
            if (100..<200).contains(head.status) && head.status != 101 { continue }
            framing = try HTTP1Response.framing(of: head, method: request.method)
            return head
        }
    }

    /// Reads until a whole head has arrived. - Throws: 52 when the server closes before a response.
    private func readHead() throws -> CurlResponseHead {
        while true {
            if let (head, length) = try HTTP1Response.parseHead(pending[...]) {
                pending.removeFirst(length)
                return head
            }
            let received: [UInt8]
            do {
                received = try receive()
            } catch is DirectReset {
                throw CurlError.receiveFailure("Connection reset by peer")
            }
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
            if !pending.isEmpty {
                let take = min(remaining, pending.count)
                try sink(pending[..<take])
                remaining -= take
            }
            while remaining > 0 {
                let chunk = try receiveInBody()
                guard !chunk.isEmpty else {
                    throw CurlError.transferClosed(remaining: remaining)
                }
                let take = min(remaining, chunk.count)
                try sink(chunk[..<take])
                remaining -= take
            }
        case .chunked:
            var decoder = ChunkedDecoder()
            _ = try decoder.feed(pending[...], emit: sink)
            while !decoder.isDone {
                let chunk = try receiveInBody()
                guard !chunk.isEmpty else {
                    throw CurlError.transferClosed(remaining: nil)
                }
                _ = try decoder.feed(chunk[...], emit: sink)
            }
        case .untilClose:
            if !pending.isEmpty { try sink(pending[...]) }
            while true {
                let chunk = try receiveInBody()
                if chunk.isEmpty { break }
                try sink(chunk[...])
            }
        }
        pending = []
    }

    private func receiveInBody() throws -> [UInt8] {
        do {
            return try receive()
        } catch is DirectReset {
            throw CurlError.receiveFailure("Connection reset by peer")
        }
    }

    private func write(_ bytes: [UInt8]) throws {
        if let tls { try tls.send(bytes) } else { try socket?.send(bytes) }
    }

    private func receive() throws -> [UInt8] {
        try socket?.checkStop()
        var failure: (any Error)?
        // Uninitialised capacity: no zero-filling of 64 KB for every read.
        let bytes = [UInt8](unsafeUninitializedCapacity: 65_536) { buffer, initialized in
            do {
                let raw = UnsafeMutableRawBufferPointer(buffer)
                initialized = try tls?.receive(into: raw) ?? socket?.receive(into: raw) ?? 0
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return bytes
    }

    func finish() {
        tls?.shutdown()
        tls = nil
        socket?.close()
        socket = nil
    }
}
