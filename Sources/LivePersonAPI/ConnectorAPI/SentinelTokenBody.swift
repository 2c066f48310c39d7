/// Sentinel's OAuth 2.0 access-token answer: `{"access_token": …, "token_type": "Bearer", "expires_in": 3600}`
/// (oauth-2-0-client-credentials.html; RFC 6749 §5.1).
public struct SentinelTokenBody: Codable, Hashable, Sendable {
    public var accessToken: String
    public var tokenType: String
    public var expiresIn: Int64

    public init(accessToken: String, tokenType: String = "Bearer", expiresIn: Int64) {
        self.accessToken = accessToken
        self.tokenType = tokenType
        self.expiresIn = expiresIn
    }

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
    }
}
