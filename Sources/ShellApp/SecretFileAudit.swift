import CDispatch
import LineEditing

#if canImport(Glibc)
    import Glibc
#endif

/// The start-up check of the files that hold secrets (tokens in the history files, lp.env, the CSDS cache, the
/// sandbox's private keys): each one that other users may read or write gets a one-line warning with its path and
/// the `chmod 600` that fixes it. lp-shell creates them 0600; a looser mode means someone changed it.
enum SecretFileAudit {
    /// The files the sandbox keeps secrets in, in each of its folders.
    static let sandboxSecrets = ["ca-key.pem", "server-key.pem", "jwt-signing-key.pem", "sandbox.sqlite"]

    /// The sandbox's folders: `given` (`--ca-dir`, `--data`), else its default one.
    static func sandboxFolders(environment: [String: String], given: [String]) -> [String] {
        guard given.isEmpty else { return given }
        guard let data = folder("XDG_DATA_HOME", fallback: "/.local/share", environment: environment) else { return [] }
        return [data + "/lp-shell/sandbox"]
    }

    /// The folders lp-shell writes secrets into: the history's, the CSDS cache's and the sandbox's.
    static func folders(environment: [String: String], sandboxFolders given: [String]) -> [String] {
        var folders: [String] = []
        if let history = HistoryFile.defaultPath(environment: environment) {
            folders.append(String(history.dropLast("/history".count)))
        }
        if let cache = folder("XDG_CACHE_HOME", fallback: "/.cache", environment: environment) {
            folders.append(cache + "/lp-shell")
        }
        return folders + sandboxFolders(environment: environment, given: given)
    }

    /// The files checked: those that exist among the well-known paths and `environmentFiles`.
    static func candidates(environment: [String: String], environmentFiles: [String], sandboxFolders: [String] = [])
        -> [String]
    {
        var paths: [String] = []
        if let history = HistoryFile.defaultPath(environment: environment) {
            paths.append(history)
            paths.append(String(history.dropLast("history".count)) + "wscat_history")
        }
        if let cache = folder("XDG_CACHE_HOME", fallback: "/.cache", environment: environment) {
            let directory = cache + "/lp-shell"
            paths += DirectoryListing.names(in: directory).filter { $0.hasPrefix("csds-") }.sorted().map {
                directory + "/" + $0
            }
        }
        for sandbox in Self.sandboxFolders(environment: environment, given: sandboxFolders) {
            for name in sandboxSecrets { paths.append(sandbox + "/" + name) }
        }
        paths.append("lp.env")
        for file in environmentFiles where !paths.contains(file) { paths.append(file) }
        return paths
    }

    /// The warnings (without the `lp-shell: warning: ` prefix) for the candidates and folders that are not
    /// private. Nothing is changed: the user decides.
    static func warnings(environment: [String: String], environmentFiles: [String], sandboxFolders: [String] = [])
        -> [String]
    {
        // A list, not a Set<[UInt64]>: instantiating that set's metadata at start-up costs a conformance scan.
        var seen: [(device: UInt64, inode: UInt64)] = []
        func check(_ path: String, type: mode_t, fix: String) -> String? {
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == type else { return nil }
            // `lp.env` and `--env-file $PWD/lp.env` are one file: one warning.
            let identity = (device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            guard !seen.contains(where: { $0 == identity }) else { return nil }
            seen.append(identity)
            let mode = info.st_mode & 0o777
            guard mode & 0o077 != 0 else { return nil }
            let octal = String(mode, radix: 8)
            return "\(path) holds secrets but other users can access it (mode 0\(octal)); fix: \(fix) \(path)"
        }
        let folderWarnings = folders(environment: environment, sandboxFolders: sandboxFolders).compactMap {
            check($0, type: S_IFDIR, fix: "chmod 700")
        }
        let fileWarnings = candidates(
            environment: environment, environmentFiles: environmentFiles, sandboxFolders: sandboxFolders
        ).compactMap { check($0, type: S_IFREG, fix: "chmod 600") }
        return folderWarnings + fileWarnings
    }

    private static func folder(_ variable: String, fallback: String, environment: [String: String]) -> String? {
        if let value = environment[variable], value.hasPrefix("/") { return value }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + fallback
    }
}
