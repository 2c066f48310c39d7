import ShellRuntime

extension ExitStatus {
    /// jq: the program did not compile.
    static let jqCompileError = ExitStatus(3)
    /// jq `-e`: there was no output.
    static let jqNoOutput = ExitStatus(4)
    /// jq: an uncaught runtime error.
    static let jqRuntimeError = ExitStatus(5)
}
