/// The code that `scripts/fuzz` feeds with random input, each with the property that must hold for every input
/// (beyond "does not crash"): a finding is a violated property, reported instead of trapping so that tests can
/// replay a corpus and name the offending input.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The shell parser: whatever parses prints to a canonical form that parses back to the same form.
    case shellParser = "shell-parser"
    /// The jq parser and evaluator: first line the program, the rest JSON input; runs under a time budget.
    case jq
    /// The `--env-file` reader: never traps, and every entry has a valid variable name.
    case envFile = "env-file"
    /// The sandbox's request-frame parser: a frame it accepts decodes identically with `JSONDecoder`.
    case wsFrame = "ws-frame"
    /// curl's HTTP/1 response reader: heads read back the same once printed, chunked bodies decode the same in any split.
    case httpResponse = "http-response"
    /// The history's secret masking: never traps, and masking a masked line changes nothing.
    case historyMask = "history-mask"
    /// Every kind of diagnostic, fed a JWT: none shows it in clear.
    case diagnosticMask = "diagnostic-mask"

    /// Runs one input; returns what went wrong, or nil.
    public func run(_ bytes: [UInt8]) -> String? {
        switch self {
        case .shellParser: ShellParserFuzz.run(bytes)
        case .jq: JQFuzz.run(bytes)
        case .envFile: EnvFileFuzz.run(bytes)
        case .wsFrame: RequestFrameFuzz.run(bytes)
        case .httpResponse: HTTPResponseFuzz.run(bytes)
        case .historyMask: HistoryMaskFuzz.run(bytes)
        case .diagnosticMask: DiagnosticMaskFuzz.run(bytes)
        }
    }
}
