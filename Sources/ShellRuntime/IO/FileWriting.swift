#if canImport(Glibc)
    import Glibc
#endif

/// Writing files that hold secrets: created 0600 (tightened if they existed), errors as one line.
package enum FileWriting {
    /// Writes `bytes` to `path` with mode 0600, replacing the content; returns the error text on failure.
    package static func writePrivate(_ path: String, _ bytes: [UInt8], append: Bool = false) -> String? {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
        let fd = open(path, flags, 0o600)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        fchmod(fd, 0o600)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        if fsync(fd) != 0 && errno != EINVAL { return String(cString: strerror(errno)) }
        return nil
    }
}
