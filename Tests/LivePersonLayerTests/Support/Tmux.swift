import Foundation

/// A private tmux server (`tmux -L NAME -f /dev/null`) running one program in a detached session, for tests that
/// need a real terminal. `kill()` ends the server and everything in it; call it in a `defer`.
struct Tmux {
    let socket: String
    let session = "t"

    /// Whether tmux is installed.
    static var isAvailable: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static var path: String {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
            ?? "tmux"
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `command` (argv) with exactly `environment` in a 200×50 terminal.
    init(command: [String], environment: [String: String], directory: URL) throws {
        socket = "lplayer-\(getpid())-\(UUID().uuidString.prefix(8))"
        let env = ["env", "-i"] + environment.map { "\($0.key)=\($0.value)" }.sorted()
        let cd = ["-c", directory.path]
        try run(["new-session", "-d", "-s", session, "-x", "200", "-y", "50"] + cd + env + command)
        try run(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    /// Runs one tmux command and returns its standard output.
    ///
    /// Spawned with an empty signal mask and default signal actions: a test runs on a Dispatch worker thread
    /// that blocks almost every signal, and the tmux server (and the lp-shell in it) would inherit that mask.
    /// Output goes through a file, not a pipe, because the server that `new-session` forks must not hold it.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = [Tmux.path, "-L", socket, "-f", "/dev/null"] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, Tmux.path, &actions, &attributes, &cArguments, environ)
        guard spawned == 0 else { throw Failure(description: "cannot run tmux: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw Failure(description: "tmux \(arguments.first ?? "") failed with status \(status)")
        }
        return output
    }

    /// Types `text` literally (no key names), without Enter.
    func type(_ text: String) throws { try run(["send-keys", "-t", session, "-l", "--", text]) }

    /// Types `text` and presses Enter.
    func typeLine(_ text: String) throws {
        try type(text)
        try key("Enter")
    }

    /// Presses keys by tmux name (`Enter`, `C-d`).
    func key(_ names: String...) throws { try run(["send-keys", "-t", session] + names) }

    /// The screen plus 2,000 lines of scroll-back, without trailing spaces and trailing blank lines.
    func screen() -> String {
        let text = (try? run(["capture-pane", "-p", "-J", "-t", session, "-S", "-2000"])) ?? ""
        return text.replacingOccurrences(of: #" +\n"#, with: "\n", options: .regularExpression)
            .replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
    }

    /// The last non-empty line of the screen.
    func lastLine() -> String {
        screen().split(separator: "\n").last.map(String.init) ?? ""
    }

    /// Polls the screen until `condition` holds; throws with the screen after `timeout` seconds.
    func waitFor(
        _ what: String, timeout: Double = 30, _ condition: (String) -> Bool
    ) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(screen()) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "timed out waiting for \(what); screen:\n\(screen())")
    }

    /// Waits until the screen contains `text`.
    func waitFor(_ text: String, timeout: Double = 30) async throws {
        try await waitFor("`\(text)`", timeout: timeout) { $0.contains(text) }
    }

    /// Ends the tmux server and the programs in it.
    func kill() {
        _ = try? run(["kill-server"])
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(folder)/tmux-\(getuid())/\(socket)")
    }
}
