#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file mapping and writes with plain POSIX calls (reads: `FileReading`).
package enum LocalFile {
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
}

extension LocalFile {
    /// `--create-dirs`: creates the directories leading to `path` (mode 0750, as curl), each that is missing.
    package static func createParentDirectories(of path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        var prefix = ""
        for (index, part) in parts.enumerated() {
            prefix += index == 0 ? String(part) : "/" + part
            if prefix.isEmpty || part.isEmpty || part == "." { continue }
            _ = mkdir(prefix, 0o750)
        }
    }
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
