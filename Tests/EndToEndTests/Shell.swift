import Foundation
import ShellTestSupport

/// Runs the built lp-shell in a clean environment with its own HOME and TMPDIR (removed afterwards).
struct Shell {
    let binary: LPShellBinary
    let home: TemporaryDirectory

    init() throws {
        binary = try LPShellBinary.locate()
        home = try TemporaryDirectory(prefix: "e2e-")
    }

    var environment: [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": home.path, "TMPDIR": home.path,
        ]
    }

    /// Runs `lp-shell ARGUMENTS` with `input` on stdin (nil: /dev/null) in the HOME folder.
    func run(
        _ arguments: [String], input: [UInt8]? = nil, extraEnvironment: [String: String] = [:], timeout: Double = 20
    ) throws -> ProcessResult {
        try binary.run(
            arguments, stdin: input, environment: environment.merging(extraEnvironment) { $1 }, directory: home.url,
            timeout: timeout)
    }

    func run(_ arguments: [String], input: String, timeout: Double = 20) throws -> ProcessResult {
        try run(arguments, input: Array(input.utf8), timeout: timeout)
    }

    /// `lp-shell -c CODE`.
    func command(_ code: String, _ arguments: String...) throws -> ProcessResult {
        try run(["-c", code] + arguments)
    }
}

/// Text that shows the Swift runtime crashed or trapped instead of reporting an error.
let crashSignatures = ["Fatal error", "Program crashed", "Backtracing", "Stack dump", "Swift/", "Segmentation fault"]
