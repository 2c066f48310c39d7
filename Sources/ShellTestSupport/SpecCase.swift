/// One case of a spec file (`#### name`, code lines, `## …` expectations), as lp-shell runs it.
public struct SpecCase: Sendable, Hashable, CustomStringConvertible {
    /// The text after `#### `.
    public var name: String
    /// The code passed to `-c`: the case's lines (trailing blank lines dropped), each followed by a newline.
    public var code: String
    /// The expected standard output (empty when the case states none).
    public var expectedStdout: String
    /// The expected exit status (0 when the case states none).
    public var expectedStatus: Int32
    /// Texts the standard error must contain (`## stderr-contains:`), checked for lp-shell only.
    public var stderrContains: [String]
    /// The reason after `## lp-shell-only:`, or nil when bash and dash run the case too.
    public var lpShellOnlyReason: String?
    /// The words after `## tags:`.
    public var tags: [String]
    /// The spec file's name (`quoting.test.sh`).
    public var file: String
    /// The line of the `#### ` header (1-based).
    public var line: Int

    /// Creates a case.
    public init(
        name: String, code: String, expectedStdout: String = "", expectedStatus: Int32 = 0,
        stderrContains: [String] = [], lpShellOnlyReason: String? = nil, tags: [String] = [], file: String,
        line: Int
    ) {
        self.name = name
        self.code = code
        self.expectedStdout = expectedStdout
        self.expectedStatus = expectedStatus
        self.stderrContains = stderrContains
        self.lpShellOnlyReason = lpShellOnlyReason
        self.tags = tags
        self.file = file
        self.line = line
    }

    /// True for `## lp-shell-only:` cases.
    public var isLPShellOnly: Bool { lpShellOnlyReason != nil }

    /// `file:line: name`.
    public var description: String { "\(file):\(line): \(name)" }
}
