import ShellRuntime

/// What `lp-shell --version` says: the version and, for a binary built by `scripts/install`, the commit.
///
/// `scripts/install` links with `--build-id=0x6c707368<commit>`: the GNU build-id note holds `lpsh` and the
/// commit's 20 bytes (`lpsd` when the work tree had uncommitted changes). A development build (`swift run`) has the
/// linker's own 20-byte hash there, or none.
enum BuildInfo {
    /// The commit a build was made from, and whether the work tree had changes.
    struct Source: Equatable {
        var commit: String
        var modified: Bool
    }

    /// The source recorded in a build-id, when it carries one.
    static func source(buildID: [UInt8]) -> Source? {
        guard buildID.count == 24, buildID.starts(with: Array("lps".utf8)) else { return nil }
        let modified: Bool
        switch buildID[3] {
        case UInt8(ascii: "h"): modified = false
        case UInt8(ascii: "d"): modified = true
        default: return nil
        }
        let commit = buildID.dropFirst(4).map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
        return Source(commit: commit, modified: modified)
    }

    /// `lp-shell 0.2.0 (commit 4021d44…)` or `lp-shell 0.2.0 (development build)`.
    static var versionLine: String {
        guard let source = source(buildID: ProgramBuildID.bytes) else {
            return "lp-shell \(LPShell.version) (development build; scripts/install records the commit)"
        }
        return
            "lp-shell \(LPShell.version) (commit \(source.commit)\(source.modified ? " with uncommitted changes" : ""))"
    }
}
