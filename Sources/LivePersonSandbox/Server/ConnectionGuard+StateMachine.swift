/// What ``ConnectionGuard`` knows of one connection, with no I/O: whether a request has started, whether its head
/// is complete, and, once the connection is a WebSocket, where each client frame's header is, so that an unmasked
/// frame (RFC 6455 §5.1: the server must close the connection) is caught before the WebSocket code reads it.
struct ConnectionGuardState {
    enum Phase: Equatable {
        /// Connected (TLS may still be in progress); no byte of a request yet. The idle timeout runs.
        case awaitingRequest
        /// The first request head has started and is not complete: the header read timeout runs.
        case readingHead
        /// The head asked for a WebSocket upgrade; the server has not answered yet.
        case awaitingUpgrade
        /// Upgraded: every byte from the client is WebSocket frames.
        case webSocket
        /// A plain HTTP connection whose first head is complete: nothing more to watch.
        case http
        /// The guard closed the connection.
        case closed
    }

    /// What the handler does with bytes that arrived.
    enum Verdict: Equatable {
        /// Pass them on.
        case forward
        /// A client frame without a mask: close with 1002 and pass nothing on.
        case unmaskedFrame
    }

    /// Heads longer than this are left to the HTTP decoder, whose limit is 80 KiB.
    static let longestHead = 96 * 1024

    private(set) var phase = Phase.awaitingRequest
    /// The head so far (only while reading it).
    private var head: [UInt8] = []
    /// Bytes after an upgrade request's head, checked once the upgrade is answered.
    private var early: [UInt8] = []
    private var frames = FrameHeaderScanner()

    /// Bytes from the client.
    mutating func received(_ bytes: some Collection<UInt8>) -> Verdict {
        switch phase {
        case .awaitingRequest, .readingHead:
            phase = .readingHead
            head += bytes
            guard let end = Self.endOfHead(in: head) else {
                // Longer than any head the HTTP decoder accepts: it refuses the request itself.
                if head.count > Self.longestHead { (phase, head) = (.http, []) }
                return .forward
            }
            let rest = head[end...]
            phase = Self.asksForWebSocket(head[..<end]) ? .awaitingUpgrade : .http
            if phase == .awaitingUpgrade { early = Array(rest) }
            head = []
            return .forward
        case .awaitingUpgrade:
            early += bytes
            return .forward
        case .webSocket:
            return check(bytes)
        case .http, .closed:
            return .forward
        }
    }

    /// The server's answer to an upgrade request begins with `bytes`.
    mutating func sent(_ bytes: some Collection<UInt8>) {
        guard phase == .awaitingUpgrade else { return }
        if bytes.starts(with: Array("HTTP/1.1 101".utf8)) {
            phase = .webSocket
        } else {
            phase = .http
            early = []
        }
    }

    /// Frames the client sent before the upgrade was answered, checked now that it was.
    mutating func takeEarlyVerdict() -> Verdict {
        guard phase == .webSocket, !early.isEmpty else { return .forward }
        defer { early = [] }
        return check(early)
    }

    mutating func close() { phase = .closed }

    private mutating func check(_ bytes: some Collection<UInt8>) -> Verdict {
        guard frames.scan(bytes) else {
            phase = .closed
            return .unmaskedFrame
        }
        return .forward
    }

    /// The offset just past the blank line that ends a request head, if it is there.
    static func endOfHead(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 3..<bytes.count
        where bytes[index] == 10 && bytes[index - 1] == 13 && bytes[index - 2] == 10 && bytes[index - 3] == 13 {
            return index + 1
        }
        return nil
    }

    /// Whether a request head has `Upgrade: websocket`.
    static func asksForWebSocket(_ head: ArraySlice<UInt8>) -> Bool {
        String(decoding: head, as: UTF8.self).lowercased().split(separator: "\r\n").contains { line in
            line.hasPrefix("upgrade:") && line.dropFirst("upgrade:".count).contains("websocket")
        }
    }
}

/// Walks client WebSocket frames header by header (payloads are skipped by length): false once a frame has no mask.
struct FrameHeaderScanner {
    /// Header bytes collected of the frame being read.
    private var header: [UInt8] = []
    /// Payload bytes still to skip.
    private var remaining: UInt64 = 0

    mutating func scan(_ bytes: some Collection<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if remaining > 0 {
                let available = UInt64(bytes.distance(from: index, to: bytes.endIndex))
                let skipped = min(available, remaining)
                remaining -= skipped
                index = bytes.index(index, offsetBy: Int(skipped))
                continue
            }
            header.append(bytes[index])
            index = bytes.index(after: index)
            if header.count == 2 && header[1] & 0x80 == 0 { return false }
            guard header.count >= 2, header.count == Self.headerLength(header) else { continue }
            remaining = Self.payloadLength(header)
            header = []
        }
        return true
    }

    /// 2 bytes, the extended length (0, 2 or 8) and the 4-byte mask.
    private static func headerLength(_ header: [UInt8]) -> Int {
        switch header[1] & 0x7F {
        case 126: 2 + 2 + 4
        case 127: 2 + 8 + 4
        default: 2 + 4
        }
    }

    private static func payloadLength(_ header: [UInt8]) -> UInt64 {
        switch header[1] & 0x7F {
        case 126: header[2...3].reduce(0) { $0 << 8 | UInt64($1) }
        case 127: header[2...9].reduce(0) { $0 << 8 | UInt64($1) }
        case let length: UInt64(length)
        }
    }
}
