import Foundation

/// Runs a spec case the way `scripts/compare-shells --shell` does: a new process with cwd = HOME = a fresh empty
/// folder, TMPDIR another one, the environment exactly `PATH LANG HOME TMPDIR`, stdin `/dev/null`, `-c CODE`.
public enum SpecRunner {
    /// The timeout compare-shells uses, in seconds.
    public static let timeout = 10.0

    /// Runs `specCase` with `binary` in a fresh sandbox folder (removed afterwards).
    public static func run(_ specCase: SpecCase, with binary: LPShellBinary) throws -> ProcessResult {
        let base = try TemporaryDirectory(prefix: "spec-")
        defer { base.remove() }
        let home = base.url.appendingPathComponent("home")
        let tmp = base.url.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: false)
        let environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": home.path, "TMPDIR": tmp.path,
        ]
        return try binary.run(
            ["--plain", "-c", specCase.code], environment: environment, directory: home, timeout: timeout)
    }

    /// What differs between the result and the case's expectations (empty when the case passes).
    public static func problems(_ result: ProcessResult, for specCase: SpecCase) -> [String] {
        if result.timedOut { return ["timed out after \(Int(timeout)) s"] }
        var problems: [String] = []
        if result.stdout != specCase.expectedStdout {
            problems.append(
                "stdout expected \(specCase.expectedStdout.debugDescription) got \(result.stdout.debugDescription)")
        }
        if result.status != specCase.expectedStatus {
            problems.append("status expected \(specCase.expectedStatus) got \(result.status)")
        }
        for needle in specCase.stderrContains where !result.stderr.contains(needle) {
            problems.append("stderr should contain \(needle.debugDescription), got \(result.stderr.debugDescription)")
        }
        return problems
    }
}
