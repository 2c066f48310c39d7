/// The claims of every token the sandbox issues. LP consumer JWTs follow the decoded doc samples (spec §2.6):
/// `sub`, `aud` `acc:{account}`, `iss`, `exp`, `iat`; the sandbox adds `lp.kind` so it can tell its token kinds apart.
struct TokenClaims: Codable, Equatable, Sendable {
    /// What a token is for.
    enum Kind: String, Codable, Sendable {
        /// LP consumer JWT from `signup` or `authenticate`; expiry closes the socket with 4401.
        case consumer
        /// LP consumer JWT from `app/{connector}/authenticate` for an unauthenticated identity; expiry closes with 4407.
        case unauthenticatedConsumer = "consumer-unauth"
        /// External JWT from `anonymous/authorize`.
        case external
    }

    /// The `lp.ext` claim of tokens issued for an external identity.
    struct External: Codable, Equatable, Sendable {
        var sub: String
        var iss: String
    }

    var sub: String
    var aud: String
    var iss: String
    var exp: Int64
    var iat: Int64
    var kind: Kind
    /// For external tokens: until when (epoch seconds) `anonymous/authorize` refreshes the identity.
    var refreshUntil: Int64?
    var ext: External?

    enum CodingKeys: String, CodingKey {
        case sub, aud, iss, exp, iat
        case kind = "lp.kind"
        case refreshUntil = "lp.refresh_until"
        case ext = "lp.ext"
    }

    /// The account in `aud`, or `nil` when it is not `acc:…`.
    var account: String? {
        aud.hasPrefix("acc:") ? String(aud.dropFirst(4)) : nil
    }
}
