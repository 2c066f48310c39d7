import Base64Codec
import JSONQuery
import ShellRuntime

/// The keys of a JWKS document (RFC 7517), with the members an RS256 check needs.
struct JWKSDocument: Sendable {
    /// One key of the set.
    struct Key: Sendable {
        /// `kid`.
        var id: String?
        /// `kty` (`RSA` for RS256).
        var type: String?
        /// `alg`, when the set names one.
        var algorithm: String?
        /// `n`, decoded from base64url.
        var modulus: [UInt8]?
        /// `e`, decoded from base64url.
        var exponent: [UInt8]?
    }

    /// Why a document is not a usable JWKS: the reason, without the URL.
    struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        let description: String
    }

    /// The keys, in document order.
    var keys: [Key]

    /// Reads a JWKS document.
    /// - Throws: `ReadError` when the bytes are not JSON or have no `keys` array.
    init(document: [UInt8]) throws(ReadError) {
        guard let value = JSONValue.parseJWTPart(document) else {
            let start = String(decoding: document.prefix(24), as: UTF8.self)
                .filter { !$0.isNewline }
            throw ReadError(description: "not a JWKS: the body is not JSON (it starts '\(start)')")
        }
        guard case .array(let items)? = value.member("keys") else {
            throw ReadError(description: "not a JWKS: no \"keys\" array")
        }
        keys = items.map { item in
            Key(
                id: item.member("kid")?.stringValue, type: item.member("kty")?.stringValue,
                algorithm: item.member("alg")?.stringValue,
                modulus: item.member("n")?.stringValue.flatMap { Base64Coding.decodeLenient(Array($0.utf8)) },
                exponent: item.member("e")?.stringValue.flatMap { Base64Coding.decodeLenient(Array($0.utf8)) })
        }
    }

    /// The key for a token's `kid`; without a `kid`, the set's only key.
    /// - Throws: `ReadError` naming the missing `kid` and the ones the set has.
    func key(for keyID: String?) throws(ReadError) -> Key {
        if let keyID {
            if let key = keys.first(where: { $0.id == keyID }) { return key }
            let known = keys.compactMap(\.id).map { "'\($0)'" }
            let listing = known.isEmpty ? "it has no kid" : "it has kid " + known.joined(separator: ", ")
            throw ReadError(description: "no key with kid '\(keyID)' (\(listing))")
        }
        guard keys.count == 1, let only = keys.first else {
            throw ReadError(description: "the token has no kid and the JWKS has \(keys.count) keys")
        }
        return only
    }
}
