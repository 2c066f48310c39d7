#if canImport(Glibc)
    import Glibc
#endif

/// The history file's location and permissions.
public enum HistoryFile {
    /// `$XDG_STATE_HOME/lp-shell/history`, defaulting to `~/.local/state/lp-shell/history`.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/lp-shell/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/lp-shell/history"
    }

    /// Creates the file's folder (0700) and the file (0600). Looser permissions of an existing file are left
    /// alone: lp-shell warns about them at start-up with the `chmod` that fixes them.
    /// - Returns: nil when the file can be appended to, else the system's reason (`Is a directory`).
    @discardableResult
    public static func ensurePrivate(_ path: String) -> String? {
        makeDirectories(parentOf: path)
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        close(fd)
        return nil
    }

    /// `mkdir -p` of the folder holding `path`, new folders 0700.
    public static func makeDirectories(parentOf path: String) {
        var components = path.split(separator: "/").dropLast()
        var current = ""
        while let component = components.first {
            components.removeFirst()
            current += "/" + component
            mkdir(current, 0o700)
        }
    }
}
