import ShellRuntime

/// A command line curl rejects before any transfer (exit code 2, or 26 for `-T` on a missing file).
struct CurlUsageError: Error, Sendable, Equatable {
    /// The first line, without the `curl: ` prefix (empty when curl prints only the hint).
    let message: String
    /// The exit status.
    var status: ExitStatus = .usage

    /// curl's hint after every usage error.
    static let hint = "curl: try 'curl --help' or 'curl --manual' for more information\n"

    /// Everything curl prints to stderr for this error.
    var rendered: String {
        message.isEmpty ? Self.hint : "curl: \(message)\n" + Self.hint
    }
}
