import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// LivePerson's id for a consumer the brand identifies itself: the `sub` of the brand's id_token given to
/// `authenticate`, or the `ext_consumer_id` given to the Connector API's `consumer` call. Both give the same 64 hex
/// digits for the same brand id in the same account, so a consumer who writes through the Send API and opens an
/// authenticated socket is one participant with one open conversation.
enum ConsumerIdentity {
    static func id(account: String, brandConsumerId: String) -> String {
        let digest = SHA256.hash(data: Data("\(account)/\(brandConsumerId)".utf8))
        return HexDigits.string(digest)
    }
}
