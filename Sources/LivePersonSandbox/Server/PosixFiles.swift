import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file calls the sandbox makes at every start: reads with plain POSIX (Foundation's reader costs more than
/// the read itself at start-up), times and folders through FileManager.
enum PosixFiles {
    /// The text of the file at `path`, or nil when it cannot be read.
    static func readText(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The file's modification time, or nil when it does not exist.
    static func modificationTime(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    /// Creates the folder (mode 0700) if it is missing: true when it now exists as a folder, false when it could not
    /// be made (the caller finds out why) or is something else.
    static func makeFolder(_ path: String) -> Bool {
        if mkdir(path, 0o700) == 0 { return true }
        var isFolder: ObjCBool = false
        return errno == EEXIST && FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            && isFolder.boolValue
    }
}
