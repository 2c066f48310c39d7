import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// The system's hashed certificate directory (`c_rehash` links such as `/etc/ssl/certs/5ad8a5d6.0`) and the bundle
/// file it mirrors. Trusting the directory lets BoringSSL load only the root a chain needs, when it needs it,
/// instead of parsing all ~140 roots of the bundle before the first connection (about 3 ms for every bundle loaded).
struct SystemTrustDirectory: Sendable {
    /// The directory of hashed links.
    let directory: String
    /// The bundle with the same certificates.
    let bundle: String

    private static let candidates = [
        (directory: "/etc/ssl/certs", bundle: "/etc/ssl/certs/ca-certificates.crt"),  // Debian, Ubuntu, Alpine
        (directory: "/etc/pki/tls/certs", bundle: "/etc/pki/tls/certs/ca-bundle.crt"),  // Fedora, RHEL
    ]

    /// This system's directory, looked for once per process.
    static let current = find()

    /// The first candidate whose bundle exists and whose directory holds hashed links; nil elsewhere.
    static func find() -> SystemTrustDirectory? {
        for candidate in candidates where access(candidate.bundle, R_OK) == 0 && holdsHashedLinks(candidate.directory) {
            return SystemTrustDirectory(directory: candidate.directory, bundle: candidate.bundle)
        }
        return nil
    }

    /// The certificates of a PEM file's bytes that the system bundle does not already hold, as PEM text. The
    /// sandbox's bundle is its CA followed by the system roots: only the CA is left.
    func certificatesMissing(from file: [UInt8]) -> [[UInt8]] {
        // The bundle is mapped, not read: the common case compares it once with memmem and copies nothing.
        let missing = LocalFile.withMapping(bundle) { system -> [[UInt8]] in
            // Fast path: the file is the system bundle with certificates added before or after it, verbatim (the
            // sandbox's bundle is its CA followed by the system's): cut the bundle out.
            let found = file.withUnsafeBytes { raw -> Int? in
                guard raw.count >= system.count else { return nil }
                if memcmp(raw.baseAddress! + (raw.count - system.count), system.baseAddress!, system.count) == 0 {
                    return raw.count - system.count
                }
                return memcmp(raw.baseAddress!, system.baseAddress!, system.count) == 0 ? 0 : nil
            }
            if let start = found {
                var rest = Array(file[..<start])
                rest.append(contentsOf: file[(start + system.count)...])
                return Self.pemBlocks(rest)
            }
            let known = Set(Self.pemBlocks(Array(system)))
            return Self.pemBlocks(file).filter { !known.contains($0) }
        }
        return missing ?? Self.pemBlocks(file)
    }

    /// The `-----BEGIN CERTIFICATE-----` … `-----END CERTIFICATE-----` blocks of a PEM file, byte for byte.
    static func pemBlocks(_ bytes: [UInt8]) -> [[UInt8]] {
        let begin = Array("-----BEGIN CERTIFICATE-----".utf8)
        let end = Array("-----END CERTIFICATE-----".utf8)
        var blocks: [[UInt8]] = []
        var position = 0
        while let start = bytes.firstIndex(ofBytes: begin, from: position),
            let stop = bytes.firstIndex(ofBytes: end, from: start + begin.count)
        {
            blocks.append(Array(bytes[start..<stop + end.count]))
            position = stop + end.count
        }
        return blocks
    }

    /// True when the directory has at least one `XXXXXXXX.N` link (8 hex digits, a dot, a digit).
    private static func holdsHashedLinks(_ directory: String) -> Bool {
        guard let handle = opendir(directory) else { return false }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let matches = withUnsafeBytes(of: entry.pointee.d_name) { raw -> Bool in
                let name = raw.prefix { $0 != 0 }
                guard name.count == 10, name[name.startIndex + 8] == UInt8(ascii: "."),
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(name[name.startIndex + 9])
                else { return false }
                return name.prefix(8).allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
            }
            if matches { return true }
        }
        return false
    }
}
