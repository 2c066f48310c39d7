#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file reads with plain POSIX calls (no Foundation on the hot path): the one reader for `source`, scripts,
/// `--env-file`, jq's files, curl's `-d @file` and `-T`, base64, CA bundles and tutorials.
public enum FileReading {
    /// The file's bytes, or nil when it cannot be opened or read (`errno` says why; a directory is `EISDIR`).
    public static func readBytes(_ path: String) -> [UInt8]? {
        withOpenFile(path) { fd, size in readAll(fd, size: size) }
    }

    /// The file's text (invalid UTF-8 replaced), or nil as `readBytes`.
    public static func readText(_ path: String) -> String? {
        withOpenFile(path) { fd, size in
            if let size, let text = readTextInOneRead(fd, size: size) { return text }
            return readAll(fd, size: size).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Which version of a file is at `path` (device, inode, size, modification time in nanoseconds), to tell whether
    /// what was read from it earlier still holds; nil when it cannot be examined.
    public static func version(of path: String) -> FileVersion? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileVersion(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// Opens `path` for reading and passes the descriptor and the size (nil when unknown, or 0 as for a pipe).
    private static func withOpenFile<Result>(_ path: String, _ body: (Int32, Int?) -> Result?) -> Result? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        let known = fstat(fd, &info) == 0
        if known && (info.st_mode & S_IFMT) == S_IFDIR {
            errno = EISDIR
            return nil
        }
        return body(fd, known && info.st_size > 0 ? Int(info.st_size) : nil)
    }

    private static func readAll(_ fd: Int32, size: Int?) -> [UInt8]? {
        // The first read asks for the whole file (and one byte more) into uninitialised memory: one pass, no
        // zero-filling, no second copy. Later reads only happen when the file grew meanwhile (or is a pipe).
        var wanted = size.map { $0 + 1 } ?? 65_536
        var result: [UInt8] = []
        while true {
            var failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
                let count = read(fd, buffer.baseAddress, buffer.count)
                failed = count < 0
                initialized = max(count, 0)
            }
            if failed {
                if errno == EINTR { continue }
                return nil
            }
            if chunk.isEmpty { return result }
            if result.isEmpty { result = chunk } else { result += chunk }
            wanted = 65_536
        }
    }

    /// A file of `size` bytes read straight into a string's storage, when one read gets all of it and the next
    /// finds the end (a script is then one copy in memory, not a byte array and a string made from it: each page
    /// of those costs a fault). Otherwise nil, with the descriptor back at the start.
    private static func readTextInOneRead(_ fd: Int32, size: Int) -> String? {
        var count = -1
        let text = String(unsafeUninitializedCapacity: size) { buffer in
            count = read(fd, buffer.baseAddress, buffer.count)
            return max(count, 0)
        }
        var next: UInt8 = 0
        if count == size && read(fd, &next, 1) == 0 { return text }
        _ = lseek(fd, 0, SEEK_SET)
        return nil
    }

    /// `strerror(errno)`: why the last file call failed (a read here, or a write or open elsewhere).
    public static var lastErrorText: String { String(cString: strerror(errno)) }
}

/// A file's identity and version, as ``FileReading/version(of:)`` reads it.
public struct FileVersion: Sendable, Equatable {
    public let device: UInt64
    public let inode: UInt64
    public let size: Int64
    public let modified: Int64
}
