#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file reads and writes with plain POSIX calls (no Foundation on the hot path).
package enum LocalFile {
    /// The file's bytes, or nil when it cannot be opened or read.
    package static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        // The first read asks for the whole file (and one byte more) into uninitialised memory: one pass, no
        // zero-filling, no second copy. Later reads only happen when the file grew meanwhile.
        var wanted = fstat(fd, &info) == 0 && info.st_size > 0 ? Int(info.st_size) + 1 : 65_536
        var result: [UInt8] = []
        while true {
            var failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
                let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
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

    /// Calls `body` with the file's bytes mapped read-only (no copy: pages come from the page cache as they are
    /// touched); nil when the file cannot be opened, is empty or cannot be mapped.
    static func withMapping<T>(_ path: String, _ body: (UnsafeRawBufferPointer) -> T) -> T? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else { return nil }
        defer { munmap(address, size) }
        return body(UnsafeRawBufferPointer(start: address, count: size))
    }

    /// Replaces the file's contents; false when it cannot be written.
    @discardableResult
    package static func write(_ bytes: [UInt8], to path: String) -> Bool {
        guard let file = WritableFile(path: path) else { return false }
        defer { file.close() }
        return file.write(bytes)
    }

    /// The text of `strerror(errno)` for the last failed call.
    package static var lastErrorText: String { String(cString: strerror(errno)) }
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
