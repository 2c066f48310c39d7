import NIOCore

/// Reads the request line of a connection's first request and answers `401 Unauthorized` (with a one-line JSON
/// reason) when it opens a brand socket with a bearer that no agent holds, as LivePerson does; in a class also
/// `404` for a messaging socket on an account outside the class and `429` for one too many on a learner's account.
/// The WebSocket upgrade machinery would otherwise answer an empty `400` for every refused upgrade. Any other
/// request passes untouched, and the handler leaves the pipeline once the first request line has been seen.
final class BrandUpgradeCheck: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// A request line longer than this is not a brand socket URL; it is passed on for HTTP to judge.
    static let longestRequestLine = 16 * 1024

    /// A refused upgrade: its status line and one-line reason.
    struct Refusal: Equatable, Sendable {
        let status: Int
        let reason: String
        var statusLine: String {
            switch status {
            case 404: "404 Not Found"
            case 429: "429 Too Many Requests"
            default: "401 Unauthorized"
            }
        }
    }

    private let bearers: BearerRegistry
    private let classCheck: (@Sendable (String) -> Refusal?)?
    private var held: ByteBuffer?

    init(bearers: BearerRegistry, classCheck: (@Sendable (String) -> Refusal?)? = nil) {
        self.bearers = bearers
        self.classCheck = classCheck
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        if var earlier = held {
            earlier.writeBuffer(&buffer)
            buffer = earlier
            held = nil
        }
        guard let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.longestRequestLine {
                pass(buffer, context: context)
            } else {
                held = buffer
            }
            return
        }
        let line = String(decoding: buffer.readableBytesView[..<end], as: UTF8.self)
        if let refusal = Self.refusal(requestLine: line, bearers: bearers, classCheck: classCheck) {
            refuse(refusal, context: context)
        } else {
            pass(buffer, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let held {
            self.held = nil
            context.fireChannelRead(wrapInboundOut(held))
        }
        context.fireChannelInactive()
    }

    /// Why the request on `requestLine` must be refused, or `nil` when it is not a messaging socket, or one that
    /// may open.
    static func refusal(
        requestLine: String, bearers: BearerRegistry, classCheck: (@Sendable (String) -> Refusal?)? = nil
    ) -> Refusal? {
        let words = requestLine.split(separator: " ")
        guard words.count >= 2 else { return nil }
        let path = words[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 5, parts[1] == "ws_api", parts[2] == "account", parts[4] == "messaging" else {
            return nil
        }
        let account = String(parts[3])
        if let classCheck, let refusal = classCheck(account) { return refusal }
        guard parts.count >= 7, parts[5] == "brand" else { return nil }
        switch bearers.account(of: String(parts[6])) {
        case account?:
            return nil
        case nil:
            return Refusal(
                status: 401, reason: "unknown or expired bearer: log in again (agentVep login) and use its bearer")
        case let other?:
            return Refusal(status: 401, reason: "the bearer belongs to account \(other), not \(account)")
        }
    }

    private func pass(_ buffer: ByteBuffer, context: ChannelHandlerContext) {
        context.fireChannelRead(wrapInboundOut(buffer))
        context.pipeline.syncOperations.removeHandler(self, promise: nil)
    }

    private func refuse(_ refusal: Refusal, context: ChannelHandlerContext) {
        let body = #"{"code":\#(refusal.status),"message":"# + FrameEncoder.quoted(refusal.reason) + "}"
        let answer =
            "HTTP/1.1 \(refusal.statusLine)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
            + "Connection: close\r\n\r\n" + body
        context.writeAndFlush(NIOAny(IOData.byteBuffer(ByteBuffer(string: answer))))
            .whenComplete { _ in context.close(promise: nil) }
    }
}
