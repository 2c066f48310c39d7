import Foundation

/// A fresh folder under the system's temporary directory, for one test.
public struct TemporaryDirectory: Sendable {
    /// The folder.
    public let url: URL

    /// Creates a new empty folder whose name starts with `prefix`.
    public init(prefix: String = "lp-shell-test-") throws {
        let base = FileManager.default.temporaryDirectory
        let url = base.appendingPathComponent(prefix + UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        self.url = url
    }

    /// The folder's path.
    public var path: String { url.path }

    /// Writes `contents` to `name` inside the folder and returns the file's URL.
    @discardableResult
    public func write(_ contents: String, to name: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(contents.utf8).write(to: file)
        return file
    }

    /// Removes the folder, first making every subfolder writable (a case may have `chmod 000`-ed one).
    public func remove() {
        if let enumerator = FileManager.default.enumerator(atPath: url.path) {
            while let relative = enumerator.nextObject() as? String {
                let full = url.appendingPathComponent(relative).path
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue {
                    try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: full)
                }
            }
        }
        try? FileManager.default.removeItem(at: url)
    }
}
