#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Ids that are the same for the same input across restarts (agent ids, connector ids), and random ones.
enum StableID {
    static func number(_ text: String) -> UInt64 {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211
        }
        return hash
    }

    /// A UUID-shaped id derived from `text`.
    static func uuid(_ text: String) -> String {
        let high = number(text)
        let low = number(text + "#")
        let hex = HexDigits.string(high) + HexDigits.string(low)
        let chars = Array(hex)
        return String(chars[0..<8]) + "-" + String(chars[8..<12]) + "-5" + String(chars[13..<16]) + "-a"
            + String(chars[17..<20]) + "-" + String(chars[20..<32])
    }

    static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return HexDigits.string((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    static func randomUUID() -> String {
        UUID().uuidString.lowercased()
    }
}
