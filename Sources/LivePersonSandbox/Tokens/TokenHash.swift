import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// How a revoked token is remembered: the SHA-256 of its text in hex, so the token itself is never stored.
enum TokenHash {
    static func of(_ token: String) -> String {
        HexDigits.string(SHA256.hash(data: Data(token.utf8)))
    }
}
