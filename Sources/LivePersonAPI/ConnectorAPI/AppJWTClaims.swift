/// The payload of an AppJWT, Sentinel's OAuth 2.0 access token for the Connector API: `aud` the account id, `azp` the
/// app installation's client id, `scope` `msg.consumer`, `iss` `Sentinel`, valid one hour
/// (connector-api-send-api-authorization-and-authentication.html, "Get AppJWT").
public struct AppJWTClaims: Codable, Equatable, Sendable {
    /// The issuer every AppJWT names.
    public static let issuer = "Sentinel"
    /// The one scope an AppJWT grants.
    public static let consumerScope = "msg.consumer"

    public var aud: String
    public var azp: String
    public var scope: String
    public var iss: String
    public var exp: Int64
    public var iat: Int64

    public init(aud: String, azp: String, scope: String, iss: String, exp: Int64, iat: Int64) {
        self.aud = aud
        self.azp = azp
        self.scope = scope
        self.iss = iss
        self.exp = exp
        self.iat = iat
    }
}
