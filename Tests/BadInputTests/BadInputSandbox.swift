import ShellTestSupport

/// The standalone sandboxes of the bad-input rows (stopped when a row ends).
enum BadInputSandbox {
    /// The CA folder every standalone sandbox of the suite shares, created once before any of them runs (two
    /// sandboxes creating keys in one folder at once would each trust their own).
    static let sharedCADirectory: Result<String, any Error> = Result {
        // A folder the sandbox creates itself, so that its mode (0700) is the sandbox's doing.
        let folder = try TemporaryDirectory(prefix: "badinput-ca-").path + "/sandbox"
        try StandaloneSandbox(arguments: ["--ca-dir", folder]).stop()
        return folder
    }

    /// Starts `lp-shell sandbox --port 0 --ca-dir CA ARGUMENTS`.
    static func start(arguments: [String], caDirectory: String) throws -> StandaloneSandbox {
        try StandaloneSandbox(arguments: ["--ca-dir", caDirectory] + arguments)
    }
}
