/// The claims of every token the sandbox issues, and the claim names the shell reads back (`tokens`, the prompt).
/// LP consumer JWTs follow the decoded doc samples (spec §2.6): `sub`, `aud` `acc:{account}`, `iss`, `exp`, `iat`;
/// the sandbox adds `lp.kind` so it can tell its token kinds apart, `lp.refresh_until` and `lp.ext`.
public struct TokenClaims: Codable, Equatable, Sendable {
    /// What a token is for.
    public enum Kind: String, Codable, Sendable {
        /// LP consumer JWT from `signup` or `authenticate`; expiry closes the socket with 4401.
        case consumer
        /// LP consumer JWT from `app/{connector}/authenticate` for an unauthenticated identity; expiry closes with 4407.
        case unauthenticatedConsumer = "consumer-unauth"
        /// External JWT from `anonymous/authorize`.
        case external
    }

    /// The `lp.ext` claim of tokens issued for an external identity.
    public struct External: Codable, Equatable, Sendable {
        public var sub: String
        public var iss: String

        public init(sub: String, iss: String) {
            self.sub = sub
            self.iss = iss
        }
    }

    public var sub: String
    public var aud: String
    public var iss: String
    public var exp: Int64
    public var iat: Int64
    public var kind: Kind
    /// For external tokens: until when (epoch seconds) `anonymous/authorize` refreshes the identity.
    public var refreshUntil: Int64?
    public var ext: External?

    public init(
        sub: String, aud: String, iss: String, exp: Int64, iat: Int64, kind: Kind, refreshUntil: Int64? = nil,
        ext: External? = nil
    ) {
        self.sub = sub
        self.aud = aud
        self.iss = iss
        self.exp = exp
        self.iat = iat
        self.kind = kind
        self.refreshUntil = refreshUntil
        self.ext = ext
    }

    /// The claim names on the wire (`TokenClaims.CodingKeys.kind.rawValue` is `lp.kind`).
    public enum CodingKeys: String, CodingKey {
        case sub, aud, iss, exp, iat
        case kind = "lp.kind"
        case refreshUntil = "lp.refresh_until"
        case ext = "lp.ext"
    }

    /// The account in `aud`, or `nil` when it is not `acc:…`.
    public var account: String? {
        aud.hasPrefix("acc:") ? String(aud.dropFirst(4)) : nil
    }
}
