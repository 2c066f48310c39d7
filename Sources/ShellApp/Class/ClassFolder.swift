import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// The learner's files for one class: `$XDG_DATA_HOME/lp-shell/class/HOST_PORT/` (0700) holding `ca.pem` (the class
/// CA, checked by its fingerprint), `ca-bundle.pem` (the system's CAs and the class CA, for curl, wscat and node)
/// and `learner.token` (to rejoin as the same learner), each 0600.
struct ClassFolder: Sendable {
    let path: String

    static let caFile = "ca.pem"
    static let bundleFile = "ca-bundle.pem"
    static let tokenFile = "learner.token"

    /// The folder for `line` under the data home (`XDG_DATA_HOME`, else `~/.local/share`).
    init(line: JoinLine, environment: [String: String]) {
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? "/tmp") + "/.local/share"
        path = dataHome + "/lp-shell/class/" + line.folderName
    }

    var caPath: String { path + "/" + Self.caFile }
    var bundlePath: String { path + "/" + Self.bundleFile }
    var tokenPath: String { path + "/" + Self.tokenFile }

    /// Creates the folder and its parents (0700); the reason when it cannot.
    func prepare() -> String? {
        // A relative data home (`XDG_DATA_HOME=data`) stays relative: the shell has not changed directory yet.
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            built += "/" + part
            if mkdir(built, 0o700) != 0 && errno != EEXIST {
                return "cannot create \(built.hasPrefix("./") ? String(built.dropFirst(2)) : built): "
                    + String(cString: strerror(errno))
            }
        }
        chmod(path, 0o700)
        return nil
    }

    /// Writes `text` to `name` (0600, replaced whole through a temporary file); the reason when it cannot.
    func write(_ name: String, _ text: String) -> String? {
        let target = path + "/" + name
        let temporary = target + ".tmp.\(getpid())"
        if let reason = FileWriting.writePrivate(temporary, Array(text.utf8)) {
            unlink(temporary)
            return "cannot write \(target): \(reason)"
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return "cannot write \(target): \(reason)"
        }
        return nil
    }

    /// The text of `name`, nil when it is missing.
    func read(_ name: String) -> String? {
        FileReading.readText(path + "/" + name)
    }

    func remove(_ name: String) {
        unlink(path + "/" + name)
    }
}
