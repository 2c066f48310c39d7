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

/// Reads and writes the sandbox's key files: directory 0700, files 0600, written atomically (temp file + rename)
/// so that two sandboxes starting at once never read a half-written key.
struct SecretFiles {
    let directory: String

    /// A failure to create the directory or write a file, with the path and the system's reason.
    struct WriteError: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "cannot write \(path): \(reason)" }
    }

    func prepareDirectory() throws {
        // At every start but the first the folder is there, and one mkdir says so.
        if mkdir(directory, 0o700) == 0 || (errno == EEXIST && Self.isDirectory(directory)) {
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            if access(directory, F_OK) == 0, !Self.isDirectory(directory) {
                throw WriteError(path: directory, reason: "not a directory")
            }
            // FileManager does not leave errno set; mkdir tells why (no such parent, not a directory, read-only).
            let reason = mkdir(directory, 0o700) == 0 ? "cannot create it" : String(cString: strerror(errno))
            throw WriteError(path: directory, reason: reason)
        }
    }

    /// Whether `path` names a directory (following symbolic links, as `FileManager.fileExists` does).
    static func isDirectory(_ path: String) -> Bool {
        #if canImport(FoundationEssentials)
            var isDirectory = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory
        #else
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        #endif
    }

    func read(_ name: String) -> String? {
        try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)
    }

    /// When the file at `path` was last written; nil when it does not exist.
    static func modificationTime(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    func remove(_ name: String) {
        unlink(directory + "/" + name)
    }

    func write(_ name: String, _ text: String, mode: mode_t = 0o600) throws {
        let path = directory + "/" + name
        let temporary = path + ".tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw WriteError(path: temporary, reason: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if result <= 0 {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                throw WriteError(path: temporary, reason: reason)
            }
            written += result
        }
        fchmod(descriptor, mode)
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
    }
}
