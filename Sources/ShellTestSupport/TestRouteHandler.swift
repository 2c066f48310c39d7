import JSONQuery
import NIOCore
import NIOHTTP1

/// The test server's routes (see `HTTPTestServer`).
final class TestRouteHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let recorder: RequestRecorder
    private let jwks: String
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    /// Requests for `/connection/NAME` on this connection so far, by NAME (one handler per connection).
    private var connectionRequests: [String: Int] = [:]

    init(recorder: RequestRecorder, jwks: String) {
        self.recorder = recorder
        self.jwks = jwks
    }

    /// A gzip stream of `{"compressed":true}\n`.
    static let gzipBody: [UInt8] = [
        31, 139, 8, 0, 0, 0, 0, 0, 2, 3, 171, 86, 74, 206, 207, 45, 40, 74, 45, 46, 78, 77, 81, 178, 42, 41, 42, 77,
        173, 229, 2, 0, 243, 253, 248, 248, 20, 0, 0, 0,
    ]

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = []
        case .body(let buffer):
            body += buffer.readableBytesView
        case .end:
            guard let head else { return }
            self.head = nil
            recorder.record(
                RecordedRequest(
                    method: head.method.rawValue, target: head.uri, headers: head.headers.map { [$0.name, $0.value] },
                    body: body))
            route(head, context: context)
        }
    }

    private func route(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let (path, query) = Self.split(head.uri)
        let parameters = Self.parameters(query)
        let segments = path.split(separator: "/").map(String.init)
        let isHead = head.method == .HEAD
        switch segments.first {
        case "echo":
            let json = Self.echoJSON(head: head, path: path, query: query, body: body)
            send(context, .ok, ["Content-Type": "application/json"], Array(json.utf8), isHead: isHead)
        case "status":
            let code = segments.count > 1 ? Int(segments[1]) ?? 500 : 500
            send(context, HTTPResponseStatus(statusCode: code), [:], Array("status \(code)\n".utf8), isHead: isHead)
        case "redirect":
            let hops = segments.count > 1 ? Int(segments[1]) ?? 1 : 1
            let location = hops <= 1 ? "/echo" : "/redirect/\(hops - 1)"
            send(context, .found, ["Location": location], Array("redirecting\n".utf8), isHead: isHead)
        case "redirect-to":
            let status = Int(parameters.first { $0.0 == "status" }?.1 ?? "302") ?? 302
            let location = parameters.first { $0.0 == "url" }?.1 ?? "/echo"
            send(context, HTTPResponseStatus(statusCode: status), ["Location": location], [], isHead: isHead)
        case "cookies":
            if segments.count > 1 && segments[1] == "set" {
                var headers: [(String, String)] = parameters.map { ("Set-Cookie", "\($0.0)=\($0.1); Path=/") }
                headers.append(("Location", "/cookies"))
                sendOrdered(context, .found, headers, [], isHead: isHead)
            } else {
                let cookie = head.headers.first(name: "Cookie") ?? ""
                let json = "{\"cookie\":\(Self.quote(cookie))}\n"
                send(context, .ok, ["Content-Type": "application/json"], Array(json.utf8), isHead: isHead)
            }
        case "slow":
            let milliseconds = Int64(parameters.first { $0.0 == "ms" }?.1 ?? "1000") ?? 1000
            let loop = context.eventLoop.assumeIsolated()
            loop.scheduleTask(in: .milliseconds(milliseconds)) {
                self.send(context, .ok, [:], Array("slow\n".utf8), isHead: isHead)
            }
        case "drip":
            let milliseconds = Int64(parameters.first { $0.0 == "ms" }?.1 ?? "1000") ?? 1000
            var responseHead = HTTPResponseHead(version: .http1_1, status: .ok)
            responseHead.headers.add(name: "Content-Length", value: "10")
            context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: "12345")))), promise: nil)
            context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(milliseconds)) {
                context.write(self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: "67890")))), promise: nil)
                context.writeAndFlush(self.wrapOutboundOut(.end(nil)), promise: nil)
            }
        case "json":
            let json = "{\"token\":\"abc123\",\"items\":[1,2,3]}\n"
            send(context, .ok, ["Content-Type": "application/json"], Array(json.utf8), isHead: isHead)
        case "gzip":
            send(
                context, .ok, ["Content-Type": "application/json", "Content-Encoding": "gzip"], Self.gzipBody,
                isHead: isHead)
        case "jwks":
            send(context, .ok, ["Content-Type": "application/json"], Array(jwks.utf8), isHead: isHead)
        case "connection":
            // How many times this connection has asked for /connection/NAME: 2 on the second ask means it was reused.
            let name = segments.count > 1 ? segments[1] : ""
            connectionRequests[name, default: 0] += 1
            send(context, .ok, [:], Array("\(connectionRequests[name] ?? 0)\n".utf8), isHead: isHead)
        case "chunked":
            // No Content-Length: NIO frames the parts with Transfer-Encoding: chunked.
            let count = Int(parameters.first { $0.0 == "parts" }?.1 ?? "3") ?? 3
            let size = Int(parameters.first { $0.0 == "size" }?.1 ?? "5") ?? 5
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok))), promise: nil)
            for part in 0..<count {
                let text = String(repeating: String(part % 10), count: size)
                context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
            }
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        case "truncated":
            // Promises 10 bytes, sends 5, closes.
            var responseHead = HTTPResponseHead(version: .http1_1, status: .ok)
            responseHead.headers.add(name: "Content-Length", value: "10")
            context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: "12345")))), promise: nil)
            context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(20)) { context.close(promise: nil) }
        case "close":
            context.close(promise: nil)
        default:
            send(context, .notFound, [:], Array("not found\n".utf8), isHead: isHead)
        }
    }

    private func send(
        _ context: ChannelHandlerContext, _ status: HTTPResponseStatus, _ headers: [String: String], _ body: [UInt8],
        isHead: Bool
    ) {
        sendOrdered(
            context, status, headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, body, isHead: isHead)
    }

    private func sendOrdered(
        _ context: ChannelHandlerContext, _ status: HTTPResponseStatus, _ headers: [(String, String)],
        _ body: [UInt8], isHead: Bool
    ) {
        var responseHead = HTTPResponseHead(version: .http1_1, status: status)
        for (name, value) in headers { responseHead.headers.add(name: name, value: value) }
        responseHead.headers.add(name: "Content-Length", value: String(body.count))
        context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
        if !isHead && !body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    static func split(_ uri: String) -> (path: String, query: String) {
        guard let question = uri.firstIndex(of: "?") else { return (uri, "") }
        return (String(uri[..<question]), String(uri[uri.index(after: question)...]))
    }

    static func parameters(_ query: String) -> [(String, String)] {
        query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (percentDecoded(String(parts[0])), parts.count > 1 ? percentDecoded(String(parts[1])) : "")
        }
    }

    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One line of JSON: method, path, query, headers as `[name, value]` pairs in order, body as text.
    static func echoJSON(head: HTTPRequestHead, path: String, query: String, body: [UInt8]) -> String {
        let headers = head.headers.map { "[\(quote($0.name)),\(quote($0.value))]" }.joined(separator: ",")
        return "{\"method\":\(quote(head.method.rawValue)),\"path\":\(quote(path)),\"query\":\(quote(query)),"
            + "\"headers\":[\(headers)],\"body\":\(quote(String(decoding: body, as: UTF8.self)))}\n"
    }

    /// A JSON string literal (the writer jq uses).
    static func quote(_ text: String) -> String { JSONWriter.quoted(text) }
}
