import HTTPTransfer
import JSONQuery
import _CryptoExtras

/// Checks a token's RS256 signature with a key from a JWKS.
enum JWTVerifier {
    /// The only algorithm checked.
    static let algorithm = "RS256"

    /// Checks `token` with the key of `keySet` that matches its `kid`; `source` names the JWKS in messages.
    static func check(_ token: JWTToken, keySet: JWKSDocument, source: String) -> JWTSignature {
        if let refusal = algorithmRefusal(token) { return refusal }
        let algorithm = Self.algorithm
        let keyID = token.header.member("kid")?.stringValue
        let key: JWKSDocument.Key
        do {
            key = try keySet.key(for: keyID)
        } catch {
            return .unchecked("--jwks \(source): \(error.description)")
        }
        let name = key.id.map { "key '\($0)'" } ?? "the key"
        guard key.type == "RSA" else {
            return .unchecked(
                "--jwks \(source): \(name) is not an RSA key (kty \(key.type.map { "'\($0)'" } ?? "missing"))")
        }
        if let declared = key.algorithm, declared != Self.algorithm {
            return .unchecked("--jwks \(source): \(name) is for alg '\(declared)', not \(Self.algorithm)")
        }
        guard let modulus = key.modulus, let exponent = key.exponent else {
            return .unchecked("--jwks \(source): \(name) has no usable n and e (base64url)")
        }
        let publicKey: _RSA.Signing.PublicKey
        do {
            publicKey = try _RSA.Signing.PublicKey(n: modulus, e: exponent)
        } catch {
            return .unchecked("--jwks \(source): \(name) is not a usable RSA public key (\(error))")
        }
        let evidence = JWTSignature.Evidence(algorithm: algorithm, keyID: keyID, source: source)
        let signature = _RSA.Signing.RSASignature(rawRepresentation: token.signature)
        let valid = publicKey.isValidSignature(signature, for: token.signingInput, padding: .insecurePKCS1v1_5)
        return valid ? .valid(evidence) : .invalid(evidence)
    }

    /// The longest a JWKS fetch may take, in seconds (curl's `-m`).
    static let fetchSeconds = 30.0

    /// Fetches the JWKS at `url` as `curl -sSfL` would (`HTTPFetch`) and checks `token` with it; nil when Ctrl-C
    /// stopped the fetch.
    static func check(_ token: JWTToken, jwks url: String, trust: TrustStore, environment: [String: String])
        -> JWTSignature?
    {
        if let refusal = algorithmRefusal(token) { return refusal }
        let request = HTTPFetch.Request(url: url, trust: trust, environment: environment, maximumSeconds: fetchSeconds)
        switch HTTPFetch.get(request) {
        case .interrupted:
            return nil
        case .failed(let error):
            return .unchecked("--jwks \(url): (\(error.code)) \(error.message)")
        case .body(let document):
            do {
                return check(token, keySet: try JWKSDocument(document: document), source: url)
            } catch {
                return .unchecked("--jwks \(url): \(error.description)")
            }
        }
    }

    /// Why a token cannot be checked whatever the key: its `alg` is not RS256.
    private static func algorithmRefusal(_ token: JWTToken) -> JWTSignature? {
        let value = token.header.member("alg")
        guard value?.stringValue != Self.algorithm else { return nil }
        let shown = value.map { JSONWriter.compactString($0) } ?? "missing"
        return .unchecked("the token's alg is \(shown); only \(Self.algorithm) can be checked")
    }
}
