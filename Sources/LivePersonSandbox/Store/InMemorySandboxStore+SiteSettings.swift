import LivePersonAPI

/// Site settings as the account-config API keeps them (`…/configuration/setting/properties`): defaults for a new
/// messaging account, overridden per account by writes with an agent bearer.
extension InMemorySandboxStore {
    static let fileSharingSetting = "messaging.file.sharing.enabled"

    /// The settings every account starts with. File sharing is off until enabled: the file-sharing and
    /// publish-images tutorials begin by turning it on.
    static let defaultSiteProperties: [SiteProperty] = [
        SiteProperty(id: fileSharingSetting, type: 1, value: .bool(false))
    ]

    /// Every setting of `account`, defaults included, sorted by id; and the settings' revision.
    func siteProperties(account: String) -> (properties: [SiteProperty], revision: Int) {
        var merged = Dictionary(Self.defaultSiteProperties.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        for (id, property) in fileSharing.settings[account] ?? [:] {
            merged[id] = property
        }
        return (merged.values.sorted { $0.id < $1.id }, fileSharing.revision)
    }

    func siteProperty(account: String, id: String) -> SiteProperty? {
        fileSharing.settings[account]?[id] ?? Self.defaultSiteProperties.first { $0.id == id }
    }

    /// Stores a setting (already checked by ``SitePropertyUpdate``); returns it and the new revision.
    func setSiteProperty(account: String, _ property: SiteProperty) throws(SandboxPersistenceError)
        -> (property: SiteProperty, revision: Int)
    {
        try fileSharing.save(property, account: account)
        return (property, fileSharing.revision)
    }

    /// Whether `messaging.file.sharing.enabled` is `true` (and not deleted) for `account`.
    func fileSharingEnabled(account: String) -> Bool {
        guard let property = siteProperty(account: account, id: Self.fileSharingSetting), !property.deleted else {
            return false
        }
        return property.propertyValue.value == .bool(true)
    }
}
