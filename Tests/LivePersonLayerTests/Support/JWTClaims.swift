import Foundation

/// The payload of a JWT as the tests check it: three base64url parts, a JSON object in the middle.
struct JWTClaims {
    var payload: [String: Any]

    /// Decodes `token`, or nil when it is not a well-formed JWT.
    init?(_ token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }), token.hasPrefix("eyJ") else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        payload = object
    }

    var subject: String? { payload["sub"] as? String }
    var audience: String? { payload["aud"] as? String }
    var issuedAt: Int? { (payload["iat"] as? NSNumber)?.intValue }
    var expiresAt: Int? { (payload["exp"] as? NSNumber)?.intValue }
    var lifetime: Int? { expiresAt.flatMap { exp in issuedAt.map { exp - $0 } } }

    /// True when the token has not expired yet (allowing the test a little clock slack).
    var isUnexpired: Bool {
        guard let expiresAt else { return false }
        return expiresAt > Int(Date().timeIntervalSince1970) - 1
    }
}
