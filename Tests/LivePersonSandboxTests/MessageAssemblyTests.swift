import NIOCore
import NIOWebSocket
import Testing

@testable import LivePersonSandbox

@Suite("Message assembly")
struct MessageAssemblyTests {
    static let key = WebSocketMaskingKey.random()

    static func frame(_ text: String, _ opcode: WebSocketOpcode, fin: Bool = true) -> WebSocketFrame {
        WebSocketFrame(
            fin: fin, opcode: opcode, maskKey: key,
            data: {
                var data = ByteBuffer(string: text)
                data.webSocketMask(key)
                return data
            }())
    }

    @Test func aWholeTextFrameIsOneMessage() {
        var assembly = MessageAssembly(maxSize: 100)
        #expect(assembly.append(Self.frame("héllo", .text)) == .text("héllo"))
    }

    @Test func fragmentsAreJoined() {
        var assembly = MessageAssembly(maxSize: 100)
        #expect(assembly.append(Self.frame("ab", .text, fin: false)) == .incomplete)
        #expect(assembly.append(Self.frame("cd", .continuation, fin: false)) == .incomplete)
        #expect(assembly.append(Self.frame("ef", .continuation)) == .text("abcdef"))
        #expect(assembly.append(Self.frame("next", .text)) == .text("next"))
    }

    @Test func outOfOrderFramesAreProtocolErrors() {
        var assembly = MessageAssembly(maxSize: 100)
        #expect(assembly.append(Self.frame("x", .continuation)) == .failed(.protocolError))
        #expect(assembly.append(Self.frame("ab", .text, fin: false)) == .incomplete)
        #expect(assembly.append(Self.frame("cd", .text)) == .failed(.protocolError))
    }

    @Test func aMessageOverTheLimitIs1009() {
        var assembly = MessageAssembly(maxSize: 5)
        #expect(assembly.append(Self.frame("abc", .text, fin: false)) == .incomplete)
        #expect(assembly.append(Self.frame("def", .continuation)) == .failed(.messageTooLarge))
    }

    @Test func textThatIsNotUTF8Is1007AndBinaryIsReported() {
        var assembly = MessageAssembly(maxSize: 100)
        var bad = ByteBuffer(bytes: [0x7B, 0xFF])
        bad.webSocketMask(Self.key)
        let frame = WebSocketFrame(fin: true, opcode: .text, maskKey: Self.key, data: bad)
        #expect(assembly.append(frame) == .failed(.dataInconsistentWithMessage))
        #expect(assembly.append(Self.frame("b", .binary)) == .binary)
    }

    @Test(arguments: [
        ([UInt8](), WebSocketErrorCode.normalClosure), ([0x03], .protocolError), ([0x03, 0xE8], .normalClosure),
        ([0x0F, 0xA0], .normalClosure), ([0x03, 0xEC], .protocolError), ([0x03, 0xE8, 0xFF], .protocolError),
    ])
    func aClientCloseIsAnsweredWith(body: [UInt8], code: WebSocketErrorCode) {
        #expect(MessagingSocketHandler.answer(toClose: ByteBuffer(bytes: body)) == code)
    }
}
