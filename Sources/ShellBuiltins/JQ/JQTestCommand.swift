import JSONQuery
import ShellRuntime

/// `jq --run-tests [FILE]`: runs a file in jq's test format (jq's own `tests/*.test`), printing jq 1.7.1's lines
/// (`Test #N: '…' at line number L`, a `*** …` line per failure, `P of T tests passed (M malformed, 0 skipped)`).
/// Exit status 0 when every case passed, 1 otherwise, 2 when the file cannot be read.
enum JQTestCommand {
    static func run(_ options: JQOptions, context: CommandContext) -> ExitStatus {
        let io = context.io
        let bytes: [UInt8]
        if let path = options.filter {
            switch JQInputReader.readFile(context.resolvePath(path), displayName: path) {
            case .success(let contents): bytes = contents
            case .failure(let failure):
                io.stderr.writeDiagnostic("jq: error: \(failure.message)\n")
                return .usage
            }
        } else {
            bytes = io.stdin.readAll()
        }
        let file = JQTestFile(String(decoding: bytes, as: UTF8.self))
        var modules = JQModules.loader(options, context: context)
        modules.homeDirectory = nil  // jq's test harness does not include ~/.jq
        let runner = JQTestRunner(modules: modules, environment: context.environment)
        let stdout = io.stdout
        let summary = LargeStack.run { runner.run(file) { stdout.write($0 + "\n") } }
        stdout.write("\(summary.passed) of \(summary.total) tests passed (\(summary.malformed) malformed, 0 skipped)\n")
        return summary.passed == summary.total ? .success : .failure
    }
}
