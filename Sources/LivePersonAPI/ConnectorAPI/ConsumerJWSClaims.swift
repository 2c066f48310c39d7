/// The payload of a ConsumerJWS, the IdP's token for one consumer of a Connector API app: the account, the brand's
/// own id for the consumer and LivePerson's (64 hex digits); it has no expiry
/// (connector-api-send-api-authorization-and-authentication.html, "Get ConsumerJWT", decoded example).
public struct ConsumerJWSClaims: Codable, Equatable, Sendable {
    public var accountId: String
    public var extConsumerId: String
    public var lpConsumerId: String

    public init(accountId: String, extConsumerId: String, lpConsumerId: String) {
        self.accountId = accountId
        self.extConsumerId = extConsumerId
        self.lpConsumerId = lpConsumerId
    }

    enum CodingKeys: String, CodingKey {
        case accountId = "account_id"
        case extConsumerId = "ext_consumer_id"
        case lpConsumerId = "lp_consumer_id"
    }
}
