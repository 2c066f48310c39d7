import LivePersonAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The store's file-sharing state: the emulated Swift store's objects, the site settings written through the
/// account-config API, and the key that signs temporary URLs.
///
/// In memory; with `--data DIR` objects are also written to `DIR/swift/{account}/{object}` (read back on first use
/// after a restart, their content type guessed again from the name) and site settings to `DIR/site-settings.json`.
struct FileSharingState {
    /// Where objects and settings are written; `nil`: memory only.
    let directory: String?
    /// One key per sandbox run: URLs signed before a restart stop working, as after a key rotation in Swift.
    let signer = TempURLSigner()
    private var objects: [SwiftObjectPath: SwiftObject] = [:]
    /// Settings written so far, by account and property id (defaults are not stored).
    private(set) var settings: [String: [String: SiteProperty]] = [:]
    /// Bumped on every settings write; answered as the settings' revision.
    private(set) var revision = 0

    static let settingsFile = "site-settings.json"

    /// Empty, in memory only.
    init() {
        directory = nil
    }

    /// Starts from the settings stored in `directory`, if any.
    init(directory: String?) throws(SandboxPersistenceError) {
        self.directory = directory
        guard let directory, let text = SecretFiles(directory: directory).read(Self.settingsFile) else { return }
        do {
            let stored = try JSONDecoder().decode(StoredSettings.self, from: Data(text.utf8))
            for (account, properties) in stored.accounts {
                settings[account] = Dictionary(properties.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
            }
            revision = stored.revision
        } catch {
            throw SandboxPersistenceError(
                description: "cannot read the sandbox data: \(directory)/\(Self.settingsFile) is damaged")
        }
    }

    /// The object at `path`, from memory or (after a restart) from the data directory.
    mutating func object(at path: SwiftObjectPath) -> SwiftObject? {
        if let object = objects[path] { return object }
        guard let file = objectFile(path), let data = FileManager.default.contents(atPath: file) else { return nil }
        let modified = SecretFiles.modificationTime(file) ?? Date()
        let object = SwiftObject(data: data, contentType: path.guessedContentType, lastModified: modified)
        objects[path] = object
        return object
    }

    /// Keeps `object` at `path`, written to the data directory first when there is one.
    mutating func store(_ object: SwiftObject, at path: SwiftObjectPath) throws(SandboxPersistenceError) {
        if let directory, let file = objectFile(path) {
            do {
                try SecretFiles(directory: directory + "/swift").prepareDirectory()
                try SecretFiles(directory: directory + "/swift/" + path.account).prepareDirectory()
                guard FileManager.default.createFile(atPath: file + ".tmp", contents: object.data),
                    rename(file + ".tmp", file) == 0
                else {
                    throw SecretFiles.WriteError(path: file, reason: String(cString: strerror(errno)))
                }
            } catch {
                throw SandboxPersistenceError(description: "cannot store the file \(path): \(error)")
            }
        }
        objects[path] = object
    }

    /// Keeps a site setting of `account`, written to the data directory first when there is one.
    mutating func save(_ property: SiteProperty, account: String) throws(SandboxPersistenceError) {
        var updated = settings
        updated[account, default: [:]][property.id] = property
        if let directory {
            let stored = StoredSettings(
                revision: revision + 1,
                accounts: updated.mapValues { $0.values.sorted { $0.id < $1.id } })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            do {
                let text = String(decoding: try encoder.encode(stored), as: UTF8.self)
                try SecretFiles(directory: directory).write(Self.settingsFile, text)
            } catch {
                throw SandboxPersistenceError(description: "cannot store the site settings: \(error)")
            }
        }
        settings = updated
        revision += 1
    }

    private func objectFile(_ path: SwiftObjectPath) -> String? {
        directory.map { "\($0)/swift/\(path.account)/\(path.object)" }
    }

    /// The settings file's form.
    private struct StoredSettings: Codable {
        var revision: Int
        var accounts: [String: [SiteProperty]]
    }
}
