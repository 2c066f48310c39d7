import LivePersonAPI

extension InMemorySandboxStore {
    /// Keeps the consumer's profile as sent (`authenticatedData.lp_sdes`, or the older `firstName`, `lastName`,
    /// `privateData` … form) and answers with the string the Send API pages show,
    /// `OK User Profile set successfully`.
    func setUserProfile(_ connectionID: ConnectionID, profile: WireJSON, reply: Reply) throws(UMSFailure) {
        let connection = try connection(connectionID)
        guard case .consumer(let consumerId) = connection.participant else {
            throw .forbidden("Only consumers can set their own user profile")
        }
        guard case .object = profile else { throw .badRequest("body must be a JSON object (the user profile)") }
        consumerProfiles[Self.consumerKey(account: connection.account, consumerId: consumerId)] = profile
        reply.send(FrameEncoder.stringResponse(reqId: reply.reqId, "OK User Profile set successfully"))
    }

    func consumerProfile(account: String, consumerId: String) -> WireJSON? {
        consumerProfiles[Self.consumerKey(account: account, consumerId: consumerId)]
    }
}
