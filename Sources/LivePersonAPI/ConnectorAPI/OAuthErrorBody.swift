/// An OAuth 2.0 token-endpoint refusal, `{"error": "invalid_client", "error_description": …}` (RFC 6749 §5.2, which
/// Sentinel's pages say it follows).
public struct OAuthErrorBody: Codable, Hashable, Sendable {
    /// The error codes of RFC 6749 §5.2 that a client-credentials request can meet.
    public enum Code: String, Codable, Sendable {
        case invalidRequest = "invalid_request"
        case invalidClient = "invalid_client"
        case unsupportedGrantType = "unsupported_grant_type"
    }

    public var error: Code
    public var errorDescription: String

    public init(_ error: Code, _ description: String) {
        self.error = error
        self.errorDescription = description
    }

    enum CodingKeys: String, CodingKey {
        case error
        case errorDescription = "error_description"
    }
}
