import NIOCore
import NIOWebSocket

/// Joins a client's data frames into messages (RFC 6455 §5.4), as swift-websocket's inbound message stream did for
/// the messaging sockets: a continuation with nothing to continue, or a new message before the last one ended, is a
/// protocol error (1002); a message over `maxSize` is 1009; text that is not UTF-8 is 1007.
struct MessageAssembly {
    enum Outcome: Equatable {
        /// The message goes on in the next frame.
        case incomplete
        case text(String)
        case binary
        /// Close the socket with this code.
        case failed(WebSocketErrorCode)
    }

    let maxSize: Int
    /// The opcode and data of a message whose last frame has not come yet.
    private var started: (opcode: WebSocketOpcode, data: ByteBuffer)?

    init(maxSize: Int) {
        self.maxSize = maxSize
    }

    /// Takes a text, binary or continuation frame (client frames are masked; the data is taken unmasked).
    mutating func append(_ frame: WebSocketFrame) -> Outcome {
        switch frame.opcode {
        case .text, .binary:
            guard started == nil else { return .failed(.protocolError) }
            guard frame.fin else {
                started = (frame.opcode, frame.unmaskedData)
                return .incomplete
            }
            return Self.message(frame.opcode, frame.unmaskedData)
        case .continuation:
            guard case (let opcode, var data)? = started else { return .failed(.protocolError) }
            started = nil
            guard data.readableBytes + frame.data.readableBytes <= maxSize else { return .failed(.messageTooLarge) }
            var more = frame.unmaskedData
            data.writeBuffer(&more)
            guard frame.fin else {
                started = (opcode, data)
                return .incomplete
            }
            return Self.message(opcode, data)
        default:
            return .failed(.protocolError)
        }
    }

    private static func message(_ opcode: WebSocketOpcode, _ data: ByteBuffer) -> Outcome {
        guard opcode == .text else { return .binary }
        let text =
            data.readableBytesView.withContiguousStorageIfAvailable { String(validating: $0, as: UTF8.self) }
            ?? String(validating: Array(data.readableBytesView), as: UTF8.self)
        guard let text else { return .failed(.dataInconsistentWithMessage) }
        return .text(text)
    }
}
