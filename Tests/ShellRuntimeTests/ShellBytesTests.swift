import ShellRuntime
import Testing

/// Shell values keep bytes outside UTF-8: one stand-in scalar per byte, written back as that byte.
@Suite("Shell bytes")
struct ShellBytesTests {
    @Test func validUTF8IsUnchanged() {
        let text = String(shellBytes: Array("zλ丁😘".utf8))
        #expect(text == "zλ丁😘")
        #expect(text.shellBytes == Array("zλ丁😘".utf8))
    }

    @Test func eachInvalidByteIsOneCharacterAndRoundTrips() {
        let cases: [[UInt8]] = [
            [0xFF], [0xCE, 0xCE], [0xC1, 0x81], [0xE0, 0x81, 0x81], [0xF4, 0x91, 0x84, 0x91], [0xE4, 0xB8],
        ]
        for bytes in cases {
            let text = String(shellBytes: bytes)
            #expect(text.unicodeScalars.count == bytes.count)
            #expect(text.unicodeScalars.first?.rawByte == bytes[0])
            #expect(text.shellBytes == bytes)
        }
    }

    @Test func invalidBytesAmidValidText() {
        let bytes: [UInt8] = [0x61, 0xE4, 0xB8, 0x20, 0xCE, 0xBB, 0xFF]
        let text = String(shellBytes: bytes)
        #expect(text.unicodeScalars.count == 6)
        #expect(text.shellBytes == bytes)
    }
}
