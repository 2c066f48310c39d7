import Foundation
import HTTPTypes
import LivePersonAPI
import Logging
import NIOWebSocket
import WSClient

@testable import LivePersonSandbox

/// Drives one real WebSocket client connection from a test: send frames, read the next ones in order.
final class SocketDriver: @unchecked Sendable {
    private var iterator: WebSocketInboundMessageStream.AsyncIterator
    private let outbound: WebSocketOutboundWriter
    /// Every frame read so far, for failure messages.
    private(set) var received: [String] = []

    init(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) {
        self.iterator = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
        self.outbound = outbound
    }

    func send(_ text: String) async throws {
        try await outbound.write(.text(text))
    }

    /// The next text frame as JSON, or `nil` when the server closed the socket.
    func next() async throws -> WireJSON? {
        while let message = try await iterator.next() {
            guard case .text(let text) = message else { continue }
            received.append(text)
            return try JSONDecoder().decode(WireJSON.self, from: Data(text.utf8))
        }
        return nil
    }

    /// Reads frames until one has `type`; frames skipped on the way are kept in ``received``.
    func next(ofType type: String) async throws -> WireJSON {
        while let frame = try await next() {
            if frame["type"]?.stringValue == type { return frame }
        }
        throw SocketClosed(waitingFor: type, received: received)
    }

    /// Reads until the server closes the socket.
    func drain() async throws {
        while try await next() != nil {}
    }

    struct SocketClosed: Error, CustomStringConvertible {
        let waitingFor: String
        let received: [String]
        var description: String { "socket closed while waiting for \(waitingFor); got \(received)" }
    }

    /// Connects to `path` on the sandbox, runs `body`, and returns the server's close frame, if any.
    @discardableResult
    static func connect(
        _ sandbox: RunningSandbox, path: String, headers: HTTPFields = [:],
        _ body: @escaping @Sendable (SocketDriver) async throws -> Void
    ) async throws -> WebSocketCloseFrame? {
        var configuration = WebSocketClientConfiguration()
        configuration.additionalHeaders = headers
        configuration.maxFrameSize = 1 << 20
        return try await WebSocketClient.connect(
            url: "wss://\(sandbox.hostPort)\(path)", configuration: configuration,
            tlsConfiguration: try SandboxHarness.clientTLS(), logger: Logger(label: "test-client")
        ) { inbound, outbound, _ in
            try await body(SocketDriver(inbound: inbound, outbound: outbound))
        }
    }

    static func consumerPath(_ account: String) -> String {
        "/ws_api/account/\(account)/messaging/consumer?v=3"
    }
}
