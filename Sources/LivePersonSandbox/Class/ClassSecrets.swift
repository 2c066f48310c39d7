import Base64Codec

/// The class's secrets: random keys and codes, their hashes, and the constant-time comparison every check uses.
enum ClassSecrets {
    /// 32 random bytes as base64url without padding (43 characters): the teacher key, learner tokens, sessions.
    static func randomKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64Coding.encodeURL((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// The join code's letters: digits and capitals without the look-alikes 0/O, 1/I/L.
    static let codeAlphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    /// Eight letters of ``codeAlphabet`` (about 40 bits): short enough to read aloud, and join attempts are limited.
    static func joinCode() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<8).map { _ in codeAlphabet.randomElement(using: &generator)! })
    }

    /// A code as typed: capitals, without dashes and spaces.
    static func normalizedCode(_ text: String) -> String {
        String(text.uppercased().filter { $0 != "-" && $0 != " " })
    }

    /// A learner account id: 16 random digits (the first not 0), which only that learner and the teacher see.
    static func accountID() -> String {
        var generator = SystemRandomNumberGenerator()
        let first = String(Int.random(in: 1...9, using: &generator))
        return first + String((0..<15).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
    }

    /// Compares in time that depends only on the lengths, never on where the texts first differ.
    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= a ^ b
        }
        return difference == 0
    }
}
