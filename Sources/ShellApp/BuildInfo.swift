import CShellSupport

#if canImport(Glibc)
    import Glibc
#endif

/// What `lp-shell --version` says: the version and, for a binary built by `scripts/install`, the commit.
///
/// `scripts/install` links with `--build-id=0x6c707368<commit>`: the GNU build-id note holds `lpsh` and the
/// commit's 20 bytes. A development build (`swift run`) has the linker's own 20-byte hash there, or none.
enum BuildInfo {
    /// `lpsh`, the first four bytes of a build-id that carries a commit.
    static let marker: [UInt8] = Array("lpsh".utf8)

    /// The commit, as 40 hex digits, when the build-id carries one.
    static func commit(buildID: [UInt8]) -> String? {
        guard buildID.count == marker.count + 20, buildID.starts(with: marker) else { return nil }
        return buildID.dropFirst(marker.count).map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }

    /// The running program's build-id note (empty when it has none).
    static var buildID: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = Int(cshell_build_id(&bytes, Int32(bytes.count)))
        return Array(bytes.prefix(min(count, bytes.count)))
    }

    /// `lp-shell 0.2.0 (commit 4021d44…)` or `lp-shell 0.2.0 (development build)`.
    static var versionLine: String {
        if let commit = commit(buildID: buildID) { return "lp-shell \(LPShell.version) (commit \(commit))" }
        return "lp-shell \(LPShell.version) (development build; scripts/install records the commit)"
    }
}
