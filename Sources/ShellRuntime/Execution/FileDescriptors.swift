import CShellSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small wrappers over descriptor system calls; every descriptor the shell opens is close-on-exec so that
/// children only get what a redirection or pipe hands them explicitly.
enum FileDescriptors {
    /// A pipe `(read, write)`, both close-on-exec.
    static func makePipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [0, 0]
        guard cshell_pipe_cloexec(&fds) == 0 else { return nil }
        return (fds[0], fds[1])
    }

    /// Opens a file for a redirection; returns the descriptor or the `errno` text.
    static func open(_ path: String, flags: Int32) -> Result<Int32, OpenError> {
        let fd = Glibc.open(path, flags | O_CLOEXEC, 0o666)
        if fd < 0 { return .failure(OpenError(path: path, reason: String(cString: strerror(errno)))) }
        return .success(fd)
    }

    /// Closes a descriptor, ignoring errors.
    static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }

    /// Writes all bytes to a descriptor (used to feed heredocs).
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}

/// A file a redirection could not open.
struct OpenError: Error {
    var path: String
    var reason: String
}
