/// `dialogs[].metaData` of a `POST_SURVEY` dialog: the survey bot's app installation (node-agent-sdk's survey bot
/// example takes a dialog only when `appInstallId` is its own).
public struct DialogMetaData: Codable, Hashable, Sendable {
    public var appInstallId: String

    public init(appInstallId: String) {
        self.appInstallId = appInstallId
    }
}
