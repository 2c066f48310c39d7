import Testing

@testable import Base64Codec

/// The one base64 codec: JWT segments round-trip in base64url without padding; padding or other characters are
/// refused where JWTs are read.
struct Base64CodingTests {
    @Test(arguments: [[], [0], [0xFB, 0xFF], [0xFB, 0xFF, 0xBF], Array("{\"sub\":\"a+b/c\"}".utf8)] as [[UInt8]])
    func base64urlRoundTrips(_ bytes: [UInt8]) {
        let text = Base64Coding.encodeURL(bytes)
        #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
        #expect(Base64Coding.decodeURL(text) == bytes)
    }

    @Test func jwtSegmentsAreStrict() {
        #expect(Base64Coding.encodeURL([0xFB, 0xFF]) == "-_8")
        #expect(Base64Coding.encode([0xFB, 0xFF]) == "+/8=")
        #expect(Base64Coding.decodeURL("-_8=") == nil)
        #expect(Base64Coding.decodeURL("a!b") == nil)
        #expect(Base64Coding.decodeURL("a") == nil)
    }
}
