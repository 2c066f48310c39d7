/// The Connector API app every sandbox account has installed: the `client_id` and `client_secret` Sentinel takes in
/// exchange for an AppJWT (LivePerson hands them out at app registration; the sandbox derives them from the account
/// id, so they are the same across restarts and are printed with the other exports as `LP_CLIENT_ID` and
/// `LP_CLIENT_SECRET`).
struct AppInstallation: Sendable, Equatable {
    let clientId: String
    let clientSecret: String

    init(account: String) {
        clientId = StableID.uuid("connector-app/" + account)
        clientSecret = String(StableID.uuid("connector-app-secret/" + account).filter { $0 != "-" })
    }
}
