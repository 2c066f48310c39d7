import Foundation
import ShellTestSupport

/// One test's private world: a temporary HOME with its own XDG folders (cache, data, state, config), so the
/// sandbox's keys, the CSDS cache and the history never touch the user's files; runs the built lp-shell in it.
struct Session {
    let binary: LPShellBinary
    let root: TemporaryDirectory

    init() throws {
        binary = try LPShellBinary.locate()
        root = try TemporaryDirectory(prefix: "lplayer-")
        for folder in ["home", "cache", "data", "state", "config", "work"] {
            try FileManager.default.createDirectory(
                at: root.url.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
    }

    var home: String { root.path + "/home" }
    var cacheHome: String { root.path + "/cache" }
    /// The working directory of every run (where `save` writes `lp.env`).
    var work: URL { root.url.appendingPathComponent("work") }

    /// A clean environment: nothing inherited (no CURL_CA_BUNDLE, no LP_*), private XDG folders.
    var environment: [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": home, "TMPDIR": root.path,
            "XDG_CACHE_HOME": cacheHome, "XDG_DATA_HOME": root.path + "/data",
            "XDG_STATE_HOME": root.path + "/state", "XDG_CONFIG_HOME": root.path + "/config", "NO_COLOR": "1",
        ]
    }

    /// Runs `lp-shell ARGUMENTS` with `input` on stdin, in `work`.
    /// (Off Swift's cooperative pool: a test blocked for seconds there starves the async tests beside it.)
    func run(
        _ arguments: [String], input: String? = nil, extraEnvironment: [String: String] = [:], timeout: Double = 45
    ) async throws -> ProcessResult {
        let binary = binary
        let environment = environment.merging(extraEnvironment) { $1 }
        let work = work
        return try await offThreadProcess {
            try binary.run(
                arguments, stdin: input.map { Array($0.utf8) }, environment: environment, directory: work,
                timeout: timeout)
        }
    }

    /// `lp-shell --sandbox` with `lines` pasted on stdin.
    func sandbox(_ lines: [String], options: [String] = [], timeout: Double = 45) async throws -> ProcessResult {
        try await run(["--sandbox"] + options, input: lines.joined(separator: "\n") + "\n", timeout: timeout)
    }

    func remove() { root.remove() }

    /// `lp-shell ARGUMENTS` at a terminal (tmux, `TERM=xterm`), in `work`.
    func terminal(_ arguments: [String] = ["--sandbox"], environment extra: [String: String] = [:]) throws -> Tmux {
        var environment = environment.merging(extra) { $1 }
        environment["TERM"] = "xterm"
        return try Tmux(command: [binary.path] + arguments, environment: environment, directory: work)
    }
}

/// Text that shows the Swift runtime crashed or trapped instead of reporting an error.
let crashSignatures = ["Fatal error", "Program crashed", "Backtracing", "Stack dump", "Segmentation fault"]

extension ProcessResult {
    /// The value printed by a `printf 'NAME=%s\n' "$NAME"` probe line, or nil.
    func probe(_ name: String) -> String? {
        stdout.split(separator: "\n").last { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
    }

    /// How many lines of standard error contain `text`.
    func stderrCount(_ text: String) -> Int {
        stderr.split(separator: "\n").filter { $0.contains(text) }.count
    }

    var crashed: Bool { crashSignatures.contains { stderr.contains($0) } }
}

/// A probe line that prints a variable so the test can read it back from stdout.
func probe(_ name: String) -> String {
    "printf '\(name)=%s\\n' \"$\(name)\""
}

/// The file mode's permission bits.
func permissions(of path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}
