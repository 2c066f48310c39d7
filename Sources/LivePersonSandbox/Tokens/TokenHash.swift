import Crypto
import Foundation

/// How a revoked token is remembered: the SHA-256 of its text in hex, so the token itself is never stored.
enum TokenHash {
    static func of(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
