import NIOCore
import NIOWebSocket

extension MessagingSocketHandler {
    /// A close frame with `code` and, when given, `reason`.
    static func closeFrame(_ code: WebSocketErrorCode, reason: String?, allocator: ByteBufferAllocator)
        -> WebSocketFrame
    {
        var data = allocator.buffer(capacity: 2 + (reason?.utf8.count ?? 0))
        data.write(webSocketErrorCode: code)
        if let reason { data.writeString(reason) }
        return WebSocketFrame(fin: true, opcode: .connectionClose, data: data)
    }

    /// The code a client's close frame is answered with (RFC 6455 §5.5.1, §7.4), as swift-websocket answers it:
    /// 1000 for an empty frame or a known code, 1002 for a one-byte body, a reason that is not UTF-8 or an unknown
    /// code outside 3000–4999.
    static func answer(toClose data: ByteBuffer) -> WebSocketErrorCode {
        var data = data
        guard data.readableBytes > 0 else { return .normalClosure }
        guard let code = data.readWebSocketErrorCode() else { return .protocolError }
        if data.readableBytes > 0, String(validating: Array(data.readableBytesView), as: UTF8.self) == nil {
            return .protocolError
        }
        if case .unknown(let number) = code, number < 3000 || number > 4999 { return .protocolError }
        return .normalClosure
    }
}
