#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The running lp-shell binary itself.
public enum RunningProgram {
    /// Its path (Linux `/proc/self/exe`), or nil when it cannot be read: scripts without a `#!` line run with it, and
    /// it is jq's `$ORIGIN`.
    public static let path: String? = {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()
}
