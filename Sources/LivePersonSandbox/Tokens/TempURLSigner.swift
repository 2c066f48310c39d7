import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Signs and checks OpenStack Swift temporary URLs as Swift's `tempurl` middleware does: the signature is the HMAC
/// of `METHOD\nEXPIRES\nPATH` under the account's temp-URL key, in hex (SHA-1: 40 digits, the form LivePerson's
/// answers show; SHA-256: 64). A `HEAD` is allowed with a `GET` or `PUT` signature; an expiry in the past fails.
struct TempURLSigner: Sendable {
    /// Why a temporary URL was refused.
    enum Failure: Error, Equatable, CustomStringConvertible {
        /// `temp_url_sig` or `temp_url_expires` is absent (the name).
        case missing(String)
        /// `temp_url_expires` is not a number of epoch seconds.
        case badExpiry(String)
        /// The URL expired at that time (epoch seconds).
        case expired(at: Int64, now: Int64)
        /// The signature is not the HMAC of this method, expiry and path.
        case badSignature

        var description: String {
            switch self {
            case .missing(let name): "\(name) is missing"
            case .badExpiry(let value): "temp_url_expires '\(value)' is not a time in epoch seconds"
            case .expired(let at, let now): "expired at \(at), now \(now)"
            case .badSignature: "the signature does not match"
            }
        }
    }

    /// The key's bytes (`SymmetricKey` itself is not `Sendable`).
    private let keyBytes: [UInt8]

    /// A signer with a fresh random key (one per sandbox).
    init(key: SymmetricKey = SymmetricKey(size: .bits256)) {
        self.keyBytes = key.withUnsafeBytes { Array($0) }
    }

    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// The SHA-1 signature, in lower-case hex, granting `method` on `path` until `expires`.
    func signature(method: String, expires: Int64, path: String) -> String {
        let message = Data("\(method)\n\(expires)\n\(path)".utf8)
        return Self.hex(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
    }

    /// Whether the query grants `method` on `path` at `now` (epoch seconds).
    func check(method: String, path: String, signature: String?, expires: String?, now: Int64) throws(Failure) {
        guard let signature, !signature.isEmpty else { throw .missing("temp_url_sig") }
        guard let expires, !expires.isEmpty else { throw .missing("temp_url_expires") }
        guard let expiry = Int64(expires) else { throw .badExpiry(expires) }
        guard expiry >= now else { throw .expired(at: expiry, now: now) }
        let methods = method == "HEAD" ? ["HEAD", "GET", "PUT"] : [method]
        let given = signature.lowercased()
        for candidate in methods {
            let message = Data("\(candidate)\n\(expires)\n\(path)".utf8)
            let expected: String
            switch given.utf8.count {
            case 40: expected = Self.hex(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
            case 64: expected = Self.hex(HMAC<SHA256>.authenticationCode(for: message, using: key))
            default: throw .badSignature
            }
            if Self.constantTimeEqual(expected, given) { return }
        }
        throw .badSignature
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Compares every byte, so the time taken does not tell how much of a guess was right.
    static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices {
            difference |= a[index] ^ b[index]
        }
        return difference == 0
    }
}
