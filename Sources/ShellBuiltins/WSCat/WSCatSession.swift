import HTTPTransfer
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import NIOWebSocket
import ShellRuntime
import WSClient
@_spi(WSInternal) import WSCore

/// One WebSocket connection run on swift-websocket: frames to send go in through ``send(_:)``, everything that
/// happens comes out through ``events``.
final class WSCatSession: Sendable {
    /// What to connect to and how.
    struct Request: Sendable {
        var url: WebSocketURL
        var headers: [(name: String, value: String)]
        var tls: TLSConfiguration?
        var keepalive: Double?
        var maxFrameSize = 1 << 24
        /// The HTTP proxy to tunnel through, if any.
        var proxy: CurlProxy?
    }

    /// A frame or control action for the socket.
    enum Outgoing: Sendable {
        case text(String)
        case ping
        case pong
        case close(code: Int, reason: String?)
    }

    /// Events from the network, in order.
    let events = WSCatEventQueue()
    private let outgoing = WSCatOutbox()
    private let task: Task<Void, Never>

    /// Starts connecting; the first event is `.opened` or `.failed`.
    init(_ request: Request) {
        let events = self.events
        let outgoing = self.outgoing
        self.task = Task {
            await Self.run(request, outgoing: outgoing, events: events)
        }
    }

    /// Queues a text frame.
    func send(_ text: String) { outgoing.push(.text(text)) }

    /// Queues a control action.
    func send(_ item: Outgoing) { outgoing.push(item) }

    /// Starts the closing handshake (1000) once queued frames are written.
    func close() { outgoing.finish() }

    /// Gives up on the connection (a connect timeout): no more events are expected.
    func abandon() {
        outgoing.finish()
        task.cancel()
    }

    private static func run(_ request: Request, outgoing: WSCatOutbox, events: WSCatEventQueue) async {
        var logger = Logger(label: "lp-shell.wscat")
        logger.logLevel = .critical
        do {
            let sslContext = try request.tls.map { try NIOSSLContext(configuration: $0) }
            let channel = WSCatClientChannel(
                url: request.url, headers: request.headers,
                configuration: .init(
                    extensions: [],
                    autoPing: request.keepalive.map { .enabled(timePeriod: .milliseconds(Int64($0 * 1000))) }
                        ?? .disabled,
                    closeTimeout: .seconds(5), validateUTF8: false, ignoreUncleanSSLShutdownErrors: true,
                    maxFrameSize: request.maxFrameSize),
                maxFrameSize: request.maxFrameSize, sslContext: sslContext, proxy: request.proxy,
                handler: { inbound, outbound, context in
                    events.push(.opened)
                    try await exchange(
                        inbound: inbound, outbound: outbound, outgoing: outgoing, events: events,
                        channel: request.tls == nil ? nil : context.channel)
                })
            // Through a proxy the connection goes to the proxy, and the channel opens the tunnel.
            let target = request.proxy.map { ($0.host, $0.port) } ?? (request.url.host, request.url.port)
            let connection = ClientConnection(channel, address: .hostname(target.0, port: target.1), logger: logger)
            let frame = try await connection.run()
            events.push(
                .closed(code: frame.map { Int(UInt16(webSocketErrorCode: $0.closeCode)) }, reason: frame?.reason))
        } catch let refused as RefusedUpgrade {
            var message = "unexpected server response (\(refused.status))"
            let body = refused.body.trimmingWhitespace
            if !body.isEmpty { message += ": " + SecretMasking.mask(body) }
            events.push(.failed(message))
        } catch {
            events.push(.failed(WSCatErrorText.describe(error, url: request.url, proxy: request.proxy)))
        }
    }

    /// How long the server gets to close the connection after the closing handshake.
    static let serverCloseWait = TimeAmount.milliseconds(250)

    /// Reads messages into `events` while writing what the runner queues; returns when either side is done and,
    /// given the `channel` (TLS), the server closed the connection (or did not within ``serverCloseWait``).
    private static func exchange(
        inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, outgoing: WSCatOutbox,
        events: WSCatEventQueue, channel: (any Channel)?
    ) async throws {
        var messages = inbound.messages(maxSize: 1 << 24).makeAsyncIterator()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                while true {
                    let batch = await outgoing.next()
                    if batch.isEmpty { break }
                    for item in batch {
                        switch item {
                        case .text(let text): try await outbound.write(.text(text))
                        case .ping:
                            try await outbound.write(.custom(.init(fin: true, opcode: .ping, data: ByteBuffer())))
                        case .pong: try await outbound.write(.pong)
                        case .close(let code, let reason):
                            try await outbound.close(WebSocketErrorCode(codeNumber: code), reason: reason)
                            return
                        }
                    }
                }
                if !Task.isCancelled { try await outbound.close(.normalClosure, reason: nil) }
            }
            while let message = try await messages.next() {
                switch message {
                case .text(let text): events.push(.text(text))
                case .binary(let buffer): events.push(.binary(buffer.readableBytes))
                }
            }
            group.cancelAll()
        }
        // After the closing handshake the server closes the connection (RFC 6455 §7.1.1). Reading on until it has,
        // as WSClient does when a handler returns before the handshake, lets TLS see the server's close_notify:
        // closing first made it wait out its shutdown timeout (250 ms) in about one close in five on the sandbox.
        // Without TLS closing first costs nothing, and a server that keeps the connection open (the tests' NIO
        // server) would cost the whole wait.
        guard let channel else { return }
        let timer = channel.eventLoop.scheduleTask(in: serverCloseWait) { channel.close(promise: nil) }
        while (try? await messages.next()) != nil {}
        timer.cancel()
    }
}
