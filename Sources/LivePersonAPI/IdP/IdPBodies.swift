/// `{"jwt": …}`: the answer of `signup` and `authenticate` (spec §2.1, §2.2).
public struct JWTBody: Codable, Hashable, Sendable {
    public var jwt: String

    public init(jwt: String) {
        self.jwt = jwt
    }
}

/// `{"token": …}`: the answer of `anonymous/authorize` and `app/{connector}/authenticate` (spec §2.3, §2.4).
public struct TokenBody: Codable, Hashable, Sendable {
    public var token: String

    public init(token: String) {
        self.token = token
    }
}

/// `{"id_token": …}`: a refresh of `anonymous/authorize` or the input of `app/{connector}/authenticate`.
public struct IDTokenRequest: Codable, Hashable, Sendable {
    public var idToken: String

    public init(idToken: String) {
        self.idToken = idToken
    }

    enum CodingKeys: String, CodingKey {
        case idToken = "id_token"
    }
}

/// `{"authCode": …}`: the input of `authenticate` (spec §2.2).
public struct AuthCodeRequest: Codable, Hashable, Sendable {
    public var authCode: String

    public init(authCode: String) {
        self.authCode = authCode
    }
}

/// The JSON Web Key Set the sandbox publishes for the keys it signs consumer tokens with.
public struct JSONWebKeySet: Codable, Hashable, Sendable {
    /// One RSA public key.
    public struct Key: Codable, Hashable, Sendable {
        public var kty: String
        public var kid: String
        public var use: String
        public var alg: String
        public var n: String
        public var e: String

        public init(kid: String, n: String, e: String) {
            self.kty = "RSA"
            self.kid = kid
            self.use = "sig"
            self.alg = "RS256"
            self.n = n
            self.e = e
        }
    }

    public var keys: [Key]

    public init(keys: [Key]) {
        self.keys = keys
    }
}
