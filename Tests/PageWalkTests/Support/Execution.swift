/// What pasting one shell line or frame gave: whether it succeeded, why not, and what it printed meanwhile.
struct Execution: Sendable {
    var succeeded: Bool
    var reason: String
    var stdout: String
    var stderr: String

    /// The stderr and stdout lines that contain `text`.
    func linesContaining(_ text: String) -> [Substring] {
        (stderr + "\n" + stdout).split(separator: "\n").filter { $0.contains(text) }
    }

    /// The last few stderr lines, to show in a failure.
    var stderrTail: String {
        stderr.split(separator: "\n").suffix(4).joined(separator: " | ")
    }
}
