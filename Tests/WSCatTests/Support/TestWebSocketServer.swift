import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import Synchronization

/// A minimal WebSocket server on 127.0.0.1 written on plain SwiftNIO (independent of the sandbox and of
/// swift-websocket). The path picks the behaviour:
/// - `/echo`: sends every text frame back; answers pings (and counts them).
/// - `/headers`: sends one frame, the upgrade request's headers as a JSON object (lower-case names).
/// - `/close/CODE`: closes with CODE and reason "test close" right after the upgrade.
/// - `/slow/MS`: echoes every text frame after MS milliseconds.
/// - `/drop`: drops the TCP connection (no close frame) after the first text frame; `/drop/MS` MS milliseconds later.
/// - `/refuse`: refuses the upgrade with 401 and a JSON body.
/// - `/hang`: answers the upgrade request only after 20 s.
final class TestWebSocketServer: Sendable {
    let port: Int
    private let channel: any Channel
    private let pings = Atomic<Int>(0)
    private let texts = Mutex<[String]>([])

    /// Pings received so far, on any connection.
    var pingCount: Int { pings.load(ordering: .relaxed) }
    /// Text frames received so far, on any connection.
    var received: [String] { texts.withLock { $0 } }

    static let refusalBody = #"{"error":"unauthorized","message":"token missing"}"#

    private init(port: Int, channel: any Channel) {
        self.port = port
        self.channel = channel
    }

    /// Runs `body` with a started server, stopped afterwards whether `body` threw or not.
    static func with(_ body: (TestWebSocketServer) async throws -> Void) async throws {
        let server = try await start()
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    static func start() async throws -> TestWebSocketServer {
        let box = ServerBox()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let refuser = RefusingHTTPHandler()
                    let upgrader = NIOWebSocketServerUpgrader(
                        maxFrameSize: 1 << 24,
                        shouldUpgrade: { channel, head in
                            if head.uri.hasPrefix("/refuse") { return channel.eventLoop.makeSucceededFuture(nil) }
                            if head.uri.hasPrefix("/hang") {
                                let promise = channel.eventLoop.makePromise(of: HTTPHeaders?.self)
                                channel.eventLoop.scheduleTask(in: .seconds(20)) { promise.succeed(HTTPHeaders()) }
                                return promise.futureResult
                            }
                            var headers = HTTPHeaders()
                            if let protocols = head.headers.first(name: "Sec-WebSocket-Protocol") {
                                headers.add(
                                    name: "Sec-WebSocket-Protocol",
                                    value: String(protocols.split(separator: ",")[0]).trimmingCharacters(
                                        in: .whitespaces))
                            }
                            return channel.eventLoop.makeSucceededFuture(headers)
                        },
                        upgradePipelineHandler: { channel, head in
                            channel.eventLoop.makeCompletedFuture {
                                try channel.pipeline.syncOperations.addHandler(
                                    TestFrameHandler(path: head.uri, headers: head.headers, server: box))
                            }
                        })
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withServerUpgrade: (
                            upgraders: [upgrader],
                            completionHandler: { context in
                                context.pipeline.syncOperations.removeHandler(refuser, promise: nil)
                            }
                        ))
                    try channel.pipeline.syncOperations.addHandler(refuser)
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = TestWebSocketServer(port: channel.localAddress?.port ?? 0, channel: channel)
        box.server.withLock { $0 = server }
        return server
    }

    func url(_ path: String) -> String { "ws://127.0.0.1:\(port)\(path)" }

    func stop() async {
        try? await channel.close()
    }

    fileprivate func notePing() { pings.add(1, ordering: .relaxed) }
    fileprivate func note(_ text: String) { texts.withLock { $0.append(text) } }
}

/// Lets the handlers reach the server object created after the bootstrap.
private final class ServerBox: Sendable {
    let server = Mutex<TestWebSocketServer?>(nil)
}

/// Answers every plain HTTP request (a refused upgrade) with 401 and a JSON body.
private final class RefusingHTTPHandler: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .end = unwrapInboundIn(data) else { return }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: String(TestWebSocketServer.refusalBody.utf8.count))
        headers.add(name: "Connection", value: "close")
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .unauthorized, headers: headers))),
            promise: nil)
        context.write(
            wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: TestWebSocketServer.refusalBody)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}

private final class TestFrameHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let path: String
    private let headers: HTTPHeaders
    private let server: ServerBox
    private var closing = false

    init(path: String, headers: HTTPHeaders, server: ServerBox) {
        self.path = path
        self.headers = headers
        self.server = server
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if path.hasPrefix("/headers") {
            var members: [String] = []
            for (name, value) in headers {
                members.append("\"\(name.lowercased())\":\"\(value.replacingOccurrences(of: "\"", with: "\\\""))\"")
            }
            send(context, .text, "{" + members.joined(separator: ",") + "}")
        } else if path.hasPrefix("/close/"), let code = Int(path.dropFirst("/close/".count)) {
            close(context, code: code, reason: "test close")
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .ping:
            server.server.withLock { $0 }?.notePing()
            context.writeAndFlush(
                wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)), promise: nil)
        case .connectionClose:
            if closing {
                context.close(promise: nil)
            } else {
                closing = true
                var data = frame.unmaskedData
                let code = data.readInteger(as: UInt16.self) ?? 1000
                var buffer = context.channel.allocator.buffer(capacity: 2)
                buffer.writeInteger(code)
                context.writeAndFlush(
                    wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: buffer))
                )
                .assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            }
        case .text:
            var data = frame.unmaskedData
            let text = data.readString(length: data.readableBytes) ?? ""
            server.server.withLock { $0 }?.note(text)
            if path.hasPrefix("/drop/"), let delay = Int64(path.dropFirst("/drop/".count)) {
                let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: .milliseconds(delay)) { bound.value.close(promise: nil) }
            } else if path.hasPrefix("/drop") {
                context.close(promise: nil)
            } else if path.hasPrefix("/slow/"), let delay = Int64(path.dropFirst("/slow/".count)) {
                let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: .milliseconds(delay)) {
                    bound.value.0.send(bound.value.1, .text, text)
                }
            } else if path.hasPrefix("/echo") {
                send(context, .text, text)
            }
        default:
            break
        }
    }

    private func send(_ context: ChannelHandlerContext, _ opcode: WebSocketOpcode, _ text: String) {
        guard !closing else { return }
        context.writeAndFlush(
            wrapOutboundOut(WebSocketFrame(fin: true, opcode: opcode, data: ByteBuffer(string: text))), promise: nil)
    }

    private func close(_ context: ChannelHandlerContext, code: Int, reason: String) {
        closing = true
        var buffer = context.channel.allocator.buffer(capacity: 2 + reason.utf8.count)
        buffer.writeInteger(UInt16(code))
        buffer.writeString(reason)
        context.writeAndFlush(
            wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: buffer)), promise: nil)
    }
}
