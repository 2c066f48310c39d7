import Foundation
import JSONQuery
import Testing
import _CryptoExtras

@testable import Base64Codec
@testable import ShellBuiltins
@testable import ShellRuntime

/// The RS256 check on its own: a key made here, a JWKS built from it, tokens signed with it.
@Suite struct JWTSignatureTests {
    static let key: _RSA.Signing.PrivateKey? = try? _RSA.Signing.PrivateKey(keySize: .bits2048)

    static func base64URL(_ bytes: [UInt8]) -> String {
        String(Base64Coding.encode(bytes).map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 }.filter { $0 != "=" })
    }

    /// `{"keys":[{"kty":"RSA","kid":KID,"n":…,"e":…}]}` for the test key.
    static func jwks(kid: String = "k1", kty: String = "RSA") throws -> [UInt8] {
        let key = try #require(Self.key)
        let primitives = try key.publicKey.getKeyPrimitives()
        let n = base64URL(Array(primitives.modulus))
        let e = base64URL(Array(primitives.publicExponent))
        return Array(#"{"keys":[{"kty":"\#(kty)","kid":"\#(kid)","use":"sig","n":"\#(n)","e":"\#(e)"}]}"#.utf8)
    }

    /// A token signed with the test key.
    static func token(header: String = #"{"kid":"k1","alg":"RS256"}"#, payload: String = #"{"sub":"me"}"#) throws
        -> String
    {
        let key = try #require(Self.key)
        let input = base64URL(Array(header.utf8)) + "." + base64URL(Array(payload.utf8))
        let signature = try key.signature(for: Array(input.utf8), padding: .insecurePKCS1v1_5)
        return input + "." + base64URL(Array(signature.rawRepresentation))
    }

    static let evidence = JWTSignature.Evidence(algorithm: "RS256", keyID: "k1", source: "U")

    @Test func signedTokenVerifies() throws {
        let token = try JWTToken(try Self.token())
        let result = JWTVerifier.check(token, keySet: try JWKSDocument(document: try Self.jwks()), source: "U")
        #expect(result == .valid(Self.evidence))
        #expect(result.line == "signature: valid (RS256, kid k1, from U)")
    }

    @Test func tamperedPayloadIsInvalid() throws {
        let parts = try Self.token().split(separator: ".").map(String.init)
        let forged = parts[0] + "." + Self.base64URL(Array(#"{"sub":"admin"}"#.utf8)) + "." + parts[2]
        let result = JWTVerifier.check(
            try JWTToken(forged), keySet: try JWKSDocument(document: try Self.jwks()), source: "U")
        #expect(result == .invalid(Self.evidence))
        #expect(result.line == "signature: INVALID (RS256, kid k1, from U)")
    }

    @Test func unknownKidNamesBothKids() throws {
        let token = try JWTToken(try Self.token(header: #"{"kid":"k2","alg":"RS256"}"#))
        let result = JWTVerifier.check(token, keySet: try JWKSDocument(document: try Self.jwks()), source: "U")
        #expect(result == .unchecked("--jwks U: no key with kid 'k2' (it has kid 'k1')"))
        #expect(result.line == nil)
    }

    @Test func tokenWithoutKidUsesTheOnlyKey() throws {
        let token = try JWTToken(try Self.token(header: #"{"alg":"RS256"}"#))
        let result = JWTVerifier.check(token, keySet: try JWKSDocument(document: try Self.jwks()), source: "U")
        #expect(result.line == "signature: valid (RS256, no kid, from U)")
    }

    @Test func otherAlgorithmsAreNotChecked() throws {
        let token = try JWTToken(try Self.token(header: #"{"kid":"k1","alg":"HS256"}"#))
        let result = JWTVerifier.check(token, keySet: try JWKSDocument(document: try Self.jwks()), source: "U")
        #expect(result == .unchecked(#"the token's alg is "HS256"; only RS256 can be checked"#))
    }

    @Test func nonRSAKeyIsRefused() throws {
        let token = try JWTToken(try Self.token())
        let result = JWTVerifier.check(
            token, keySet: try JWKSDocument(document: try Self.jwks(kty: "EC")), source: "U")
        #expect(result == .unchecked("--jwks U: key 'k1' is not an RSA key (kty 'EC')"))
    }

    @Test func documentsThatAreNotAJWKS() {
        #expect(throws: JWKSDocument.ReadError(description: #"not a JWKS: no "keys" array"#)) {
            try JWKSDocument(document: Array(#"{"token":"abc"}"#.utf8))
        }
        #expect(
            throws: JWKSDocument.ReadError(description: "not a JWKS: the body is not JSON (it starts 'status 200')")
        ) {
            try JWKSDocument(document: Array("status 200\n".utf8))
        }
    }

    @Test func jsonMember() throws {
        let object = JWTSignature.valid(Self.evidence).json
        #expect(JSONWriter.compactString(object) == #"{"status":"valid","alg":"RS256","kid":"k1","jwks":"U"}"#)
        #expect(JSONWriter.compactString(JWTSignature.notChecked.json) == #"{"status":"not checked"}"#)
        #expect(
            JSONWriter.compactString(JWTSignature.unchecked("why").json) == #"{"status":"unchecked","error":"why"}"#)
    }
}
