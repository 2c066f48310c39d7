import Base64Codec
import Crypto
import LivePersonAPI
import _CryptoExtras

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Signs and verifies the sandbox's RS256 JWTs and publishes the key as a JWKS.
struct TokenSigner: Sendable {
    /// LivePerson's doc samples all carry `kid` `00001`.
    static let keyID = "00001"
    static let issuer = "https://idp.liveperson.net"

    /// Why a token was refused.
    enum Failure: Error, Equatable {
        /// Not three base64url segments of JSON, or not RS256.
        case malformed
        case badSignature
        case expired(TokenClaims)
    }

    let key: _RSA.Signing.PrivateKey

    func sign(_ claims: TokenClaims) -> String {
        sign(payload: claims, keyID: Self.keyID)
    }

    /// Signs any JSON payload (the Connector API's AppJWT and ConsumerJWS have claims of their own).
    func sign(payload claims: some Encodable, keyID: String) -> String {
        let header = #"{"kid":"\#(keyID)","typ":"JWT","alg":"RS256"}"#
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let payload = (try? encoder.encode(claims)) ?? Data()
        let signingInput = Base64Coding.encodeURL(Array(header.utf8)) + "." + Base64Coding.encodeURL(Array(payload))
        let signature =
            (try? key.signature(for: Data(signingInput.utf8), padding: .insecurePKCS1v1_5))?
            .rawRepresentation ?? Data()
        return signingInput + "." + Base64Coding.encodeURL(Array(signature))
    }

    /// Checks the signature and, unless `allowExpired`, the expiry at `now` (epoch seconds).
    func verify(_ token: String, now: Int64, allowExpired: Bool = false) throws(Failure) -> TokenClaims {
        let payload = try verifiedPayload(token)
        guard let claims = try? JSONDecoder().decode(TokenClaims.self, from: payload) else { throw .malformed }
        if !allowExpired && claims.exp <= now { throw .expired(claims) }
        return claims
    }

    /// The payload bytes of an RS256 token this key signed; the caller decodes and checks the claims.
    func verifiedPayload(_ token: String) throws(Failure) -> Data {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerData = (Base64Coding.decodeURL(parts[0]).map { Data($0) }),
            let header = try? JSONDecoder().decode([String: String].self, from: headerData), header["alg"] == "RS256",
            let payload = (Base64Coding.decodeURL(parts[1]).map { Data($0) }),
            let signature = (Base64Coding.decodeURL(parts[2]).map { Data($0) })
        else { throw .malformed }
        let signingInput = Data(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        guard
            key.publicKey.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: signingInput, padding: .insecurePKCS1v1_5)
        else { throw .badSignature }
        return payload
    }

    /// Reads the claims of any JWT-shaped token without checking its signature (brand tokens given to `authenticate`).
    static func unverifiedClaims(_ token: String) -> [String: WireJSON]? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = (Base64Coding.decodeURL(parts[1]).map { Data($0) }),
            case .object(let members)? = try? JSONDecoder().decode(WireJSON.self, from: payload)
        else { return nil }
        return members
    }

    var keySet: JSONWebKeySet {
        guard let primitives = try? key.publicKey.getKeyPrimitives() else { return JSONWebKeySet(keys: []) }
        return JSONWebKeySet(keys: [
            .init(
                kid: Self.keyID, n: Base64Coding.encodeURL(Array(primitives.modulus)),
                e: Base64Coding.encodeURL(Array(primitives.publicExponent))
            )
        ])
    }
}
