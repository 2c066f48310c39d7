#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file reads and writes with plain POSIX calls (no Foundation on the hot path).
enum LocalFile {
    /// The file's bytes, or nil when it cannot be opened or read.
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var result: [UInt8] = []
        var info = stat()
        if fstat(fd, &info) == 0 && info.st_size > 0 { result.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                result.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                return result
            } else if errno != EINTR {
                return nil
            }
        }
    }

    /// Replaces the file's contents; false when it cannot be written.
    @discardableResult
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        guard let file = WritableFile(path: path) else { return false }
        defer { file.close() }
        return file.write(bytes)
    }

    /// The text of `strerror(errno)` for the last failed call.
    static var lastErrorText: String { String(cString: strerror(errno)) }
}

/// A file opened for writing (created or truncated), closed by `close()`.
final class WritableFile: @unchecked Sendable {
    // @unchecked: owned by one transfer on one task at a time.
    private var fd: Int32

    /// Opens `path`, or returns nil with `errno` set.
    init?(path: String) {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { return nil }
    }

    /// Writes every byte; false on an error.
    func write(_ bytes: some Collection<UInt8>) -> Bool {
        let array = Array(bytes)
        var offset = 0
        while offset < array.count {
            let written = array.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }

    /// Closes the descriptor.
    func close() {
        if fd >= 0 { _ = Glibc.close(fd) }
        fd = -1
    }
}
