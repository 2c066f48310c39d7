import Foundation
import Testing

@testable import LivePersonSandbox

/// The sandbox formats without Foundation's ICU-backed API (so that the binary links FoundationEssentials only);
/// each replacement must give the text Foundation gave, which this target may still use.
struct FoundationFreeFormattingTests {
    /// Seconds since 1970: the epoch, leap days, year ends, times before 1970, fractions that round to the next
    /// second (ICU rounds to the millisecond), the Julian calendar before 15 October 1582, years BC.
    static let instants: [Double] = {
        let chosen: [Double] = [
            0, 0.999, 0.9994, 0.9995, -0.0005, -0.0006, -0.5, -1, 59, 86_399.75, 951_782_400, 951_868_799.9994,
            951_868_799.9995, 1_704_067_199, 1_764_581_103.25, 1_796_114_702, 4_102_444_800, -2_208_988_800,
            -12_219_292_800, -12_219_292_801, -30_610_224_000, -62_135_596_800, -62_135_596_801, -62_198_755_200,
            -70_000_000_000, 253_402_300_799,
        ]
        let recent = (0..<400).map { (step: Int) -> Double in Double(step) * 7_919_003.37 - 1_000_000_000 }
        let old = (0..<100).map { (step: Int) -> Double in Double(step) * 987_654_321.987 - 80_000_000_000 }
        return chosen + recent + old
    }()

    @Test(arguments: instants)
    func httpDatesAreTheFormattersText(_ seconds: Double) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let date = Date(timeIntervalSince1970: seconds)
        #expect(DateText.http(date) == formatter.string(from: date))
    }

    @Test(arguments: instants + (0..<48).map { 1_764_547_200 + Double($0) * 1_800 })
    func agentVepTimesAreTheFormattersText(_ seconds: Double) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "MMM d, yyyy h:mm:ss a"
        let date = Date(timeIntervalSince1970: seconds)
        #expect(DateText.agentVep(date) == formatter.string(from: date))
    }

    @Test func swiftStoreHeadersKeepTheirShape() {
        let date = Date(timeIntervalSince1970: 1_764_581_103.25)
        #expect(SwiftStoreController.httpDate(date) == "Mon, 01 Dec 2025 09:25:03 GMT")
    }

    @Test(arguments: [
        0, 0.5, 1.5, 2.5, -0.5, 1e-7, 0.000_005, 0.000_015, 123.456_789_5, 1_764_581_103.123_456, 1e21, 1e300, -1e300,
        .pi, 1 / 3, .infinity, -.infinity, .nan, .greatestFiniteMagnitude, .leastNonzeroMagnitude,
    ])
    func printfNumbersAreStringFormatsText(_ value: Double) {
        for format in ["%.5f", "%.0f"] {
            #expect(PrintfNumber.string(format, value) == String(format: format, value))
        }
    }

    @Test func hexDigitsAreStringFormatsText() {
        let bytes = (0...255).map(UInt8.init)
        #expect(HexDigits.string(bytes) == bytes.map { String(format: "%02x", $0) }.joined())
        for value: UInt64 in [0, 1, 0xff, 0x0123_4567_89ab_cdef, .max, 14_695_981_039_346_656_037] {
            #expect(HexDigits.string(value) == String(format: "%016llx", value))
        }
        #expect(StableID.uuid("agent") == StableID.uuid("agent"))
        #expect(StableID.uuid("agent").count == 36)
        #expect(StableID.randomHex(bytes: 16).count == 32)
    }

    @Test func percentDecodingIsRemovingPercentEncoding() {
        for text in [
            "", "v", "2.1", "a%20b", "%32", "%e2%9c%93", "%E2%9C%93x", "100%", "%4", "%zz", "%ff", "%c3", "a+b",
            "%25%32",
            "caf%C3%A9", "%00",
        ] {
            #expect(PercentDecoding.decoded(text) == text.removingPercentEncoding, "\(text)")
        }
        #expect(MessagingSocketRoute.parameter("v", in: "x=1&%76=2%2E1&v=3") == "2.1")
        #expect(MessagingSocketRoute.parameter("v", in: "v=a+b%2Bc") == "a b+c")
    }

    /// Every scalar of the Basic Multilingual Plane (and a few above it) at both ends of a text.
    @Test func trimmingDropsWhatCharacterSetsDrop() {
        let scalars = (0...0xFFFF).compactMap(Unicode.Scalar.init) + [Unicode.Scalar(0x1_F600)!]
        for scalar in scalars {
            let text = "\(scalar)\(scalar)a \(scalar)b\(scalar)"
            #expect(
                SpaceTrimming.spaces(text) == text.trimmingCharacters(in: .whitespaces),
                "U+\(String(scalar.value, radix: 16))")
            #expect(
                SpaceTrimming.spacesAndNewlines(text) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "U+\(String(scalar.value, radix: 16))")
        }
        #expect(SpaceTrimming.spaces(" \t ") == "")
        #expect(SpaceTrimming.spaces(" \u{301}a ") == " \u{301}a".trimmingCharacters(in: .whitespaces))
    }

    /// What the shell reads back is the text, also where a quote is followed by a combining mark (a character of
    /// its own to Swift and to Foundation's `replacingOccurrences`, which left such a quote unescaped).
    @Test(arguments: ["", "plain", "it's", "''", "'\u{301}x; echo hi'", "a'b'c", "$HOME `id` \\ \"", "é\n\t"])
    func shellQuotingRoundTrips(_ text: String) throws {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "printf %s " + SandboxCommand.shellQuoted(text)]
        let output = Pipe()
        shell.standardOutput = output
        try shell.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        shell.waitUntilExit()
        #expect(String(decoding: printed, as: UTF8.self) == text)
    }
}
