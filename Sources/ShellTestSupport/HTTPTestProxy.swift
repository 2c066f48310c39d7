import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP forward proxy on 127.0.0.1 for curl's proxy tests: plain requests in absolute form are sent on to
/// the server in origin form (`Proxy-*` headers dropped, `Connection: close` so the answer ends the exchange), and
/// `CONNECT` opens a byte tunnel. Only loopback servers are reached. It records the head of every request it gets,
/// and with `credentials` set answers 407 to requests without the matching `Proxy-Authorization`.
public final class HTTPTestProxy: Sendable {
    public let port: Int
    private let listener: Int32
    private let heads = Mutex<[String]>([])
    private let credentials: String?

    /// Starts listening on 127.0.0.1 at a free port; `credentials` is `user:password` to require.
    public init(credentials: String? = nil) throws {
        self.credentials = credentials
        (listener, port) = try LoopbackListener.open()
        let proxy = self
        Thread { proxy.acceptLoop() }.start()
    }

    /// `127.0.0.1:PORT`.
    public var hostPort: String { "127.0.0.1:\(port)" }

    /// The request heads received since the last call (lines joined with `\r\n`, no final blank line).
    public func takeHeads() -> [String] {
        heads.withLock { heads in
            defer { heads.removeAll() }
            return heads
        }
    }

    /// Stops accepting connections (tunnels already open run to their end).
    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            Thread { [self] in serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var buffered: [UInt8] = []
        // A keep-alive client sends its next plain request on the same connection.
        while let (head, headLength) = Self.readHead(client, buffered: &buffered) {
            buffered.removeFirst(headLength)
            heads.withLock { $0.append(head) }
            guard forward(head, client: client, buffered: &buffered) else { return }
        }
    }

    /// Answers one request; false when the connection is done (a tunnel, a refusal, an error).
    private func forward(_ head: String, client: Int32, buffered: inout [UInt8]) -> Bool {
        var lines = head.components(separatedBy: "\r\n")
        if let credentials {
            let expected = "Basic " + Data(credentials.utf8).base64EncodedString()
            let given = Self.value(of: "Proxy-Authorization", in: lines)
            if given != expected {
                Self.send(
                    client,
                    "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"lp-test\"\r\n"
                        + "Content-Length: 0\r\n\r\n")
                return false
            }
        }
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count == 3 else { return false }
        if requestLine[0] == "CONNECT" {
            guard let server = Self.connectLoopback(String(requestLine[1])) else {
                Self.send(client, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
                return false
            }
            defer { close(server) }
            Self.send(client, "HTTP/1.1 200 Connection established\r\n\r\n")
            Self.relay(client, server, pending: buffered)
            return false
        }
        let target = String(requestLine[1])
        guard target.hasPrefix("http://") else { return false }
        let afterScheme = target.dropFirst("http://".count)
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" }
        let path = afterScheme.dropFirst(authority.count)
        guard let server = Self.connectLoopback(authority.contains(":") ? String(authority) : authority + ":80") else {
            Self.send(client, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
            return false
        }
        defer { close(server) }
        lines[0] = "\(requestLine[0]) \(path.isEmpty ? "/" : String(path)) \(requestLine[2])"
        lines = lines.filter { !$0.lowercased().hasPrefix("proxy-") }
        lines.append("Connection: close")
        let bodyLength = Int(Self.value(of: "Content-Length", in: lines) ?? "0") ?? 0
        Self.send(server, lines.joined(separator: "\r\n") + "\r\n\r\n")
        guard Self.copy(bodyLength, from: client, buffered: &buffered, to: server) else { return false }
        // The answer: its head, then `Content-Length` bytes (or everything until the server closes).
        var answer: [UInt8] = []
        guard let (responseHead, responseHeadLength) = Self.readHead(server, buffered: &answer) else { return false }
        let length = Self.value(of: "Content-Length", in: responseHead.components(separatedBy: "\r\n")).flatMap {
            Int($0)
        }
        Self.sendBytes(client, Array(answer[..<responseHeadLength]))
        answer.removeFirst(responseHeadLength)
        guard let length else {
            Self.relay(client, server, pending: [], pendingForClient: answer)
            return false
        }
        return Self.copy(length, from: server, buffered: &answer, to: client)
    }

    /// Sends `count` bytes read from `source` (the `buffered` ones first) to `destination`; false when `source`
    /// ends before.
    private static func copy(_ count: Int, from source: Int32, buffered: inout [UInt8], to destination: Int32) -> Bool {
        var remaining = count
        while remaining > 0 {
            if buffered.isEmpty, !readMore(source, into: &buffered) { return false }
            let part = Array(buffered.prefix(remaining))
            buffered.removeFirst(part.count)
            remaining -= part.count
            sendBytes(destination, part)
        }
        return true
    }

    /// The value of the first header called `name` (case-insensitive) in head lines.
    private static func value(of name: String, in lines: [String]) -> String? {
        let prefix = name.lowercased() + ":"
        return lines.dropFirst().first { $0.lowercased().hasPrefix(prefix) }.map {
            $0.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        }
    }

    /// Appends what one read gives; false at the end of the stream.
    private static func readMore(_ descriptor: Int32, into buffered: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        let count = read(descriptor, &chunk, chunk.count)
        if count <= 0 { return false }
        buffered += chunk[..<count]
        return true
    }

    /// Reads until the end of a head; the head's text and its length with the blank line.
    private static func readHead(_ descriptor: Int32, buffered: inout [UInt8]) -> (String, Int)? {
        let end: [UInt8] = [13, 10, 13, 10]
        while true {
            if let range = buffered.firstRange(of: end) {
                return (String(decoding: buffered[..<range.lowerBound], as: UTF8.self), range.upperBound)
            }
            if !readMore(descriptor, into: &buffered) { return nil }
        }
    }

    /// A connection to `127.0.0.1:PORT` (or `localhost:PORT`); nil for other hosts or when refused.
    private static func connectLoopback(_ authority: String) -> Int32? {
        guard let colon = authority.lastIndex(of: ":"), let port = UInt16(authority[authority.index(after: colon)...]),
            ["127.0.0.1", "localhost"].contains(authority[..<colon])
        else { return nil }
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        if connected { return descriptor }
        close(descriptor)
        return nil
    }

    private static func send(_ descriptor: Int32, _ text: String) {
        sendBytes(descriptor, Array(text.utf8))
    }

    private static func sendBytes(_ descriptor: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Copies bytes both ways until either side closes.
    private static func relay(_ client: Int32, _ server: Int32, pending: [UInt8], pendingForClient: [UInt8] = []) {
        if !pending.isEmpty { sendBytes(server, pending) }
        if !pendingForClient.isEmpty { sendBytes(client, pendingForClient) }
        var descriptors = [
            pollfd(fd: client, events: Int16(POLLIN), revents: 0),
            pollfd(fd: server, events: Int16(POLLIN), revents: 0),
        ]
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while poll(&descriptors, 2, 30_000) > 0 {
            for (index, descriptor) in descriptors.enumerated() where descriptor.revents != 0 {
                let count = read(descriptor.fd, &chunk, chunk.count)
                if count <= 0 { return }
                sendBytes(index == 0 ? server : client, Array(chunk[..<count]))
            }
        }
    }
}
