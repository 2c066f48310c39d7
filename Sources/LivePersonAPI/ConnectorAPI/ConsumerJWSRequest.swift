/// `{"ext_consumer_id": …}`: the body of the IdP's `consumer?v=1.0` call, the brand's id for the consumer.
public struct ConsumerJWSRequest: Codable, Hashable, Sendable {
    public var extConsumerId: String

    public init(extConsumerId: String) {
        self.extConsumerId = extConsumerId
    }

    enum CodingKeys: String, CodingKey {
        case extConsumerId = "ext_consumer_id"
    }
}
