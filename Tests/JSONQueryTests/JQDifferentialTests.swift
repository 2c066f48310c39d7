import Foundation
import ShellTestSupport
import Testing

/// Runs every golden case through the real jq (Debian's jq 1.6) and compares stdout and exit status.
/// Cases marked `## jq1.6-differs:` document where jq 1.7 (our target) behaves differently from 1.6.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/jq"), "needs /usr/bin/jq"))
struct JQDifferentialTests {
    /// Runs the case through /usr/bin/jq with `ChildProcess` (posix_spawn, its own reader threads): Foundation's
    /// `Process` waits on GCD, which shares its few workers with the cooperative pool the async tests need.
    static func runRealJQ(_ testCase: JQCase) throws -> JQResult {
        let folder = try JQHarness.directory(for: testCase)
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = testCase.environment
        environment["PATH"] = "/usr/bin:/bin"
        let result = try ChildProcess.run(
            executable: "/usr/bin/jq", arguments: testCase.arguments, stdin: Array(testCase.input.utf8),
            environment: environment, directory: folder, timeout: 30)
        return JQResult(stdout: result.stdout, stderr: result.stderr, status: result.status)
    }

    @Test(arguments: JQHarness.cases.filter { $0.differsFromJQ16 == nil && !$0.terminal })
    func matchesRealJQ(_ testCase: JQCase) async throws {
        let real = try await offThreadProcess { try Self.runRealJQ(testCase) }
        let ours = try JQHarness.runBuiltin(testCase)
        #expect(ours.stdout == real.stdout, "stdout differs from /usr/bin/jq")
        #expect(ours.status == real.status, "status differs from /usr/bin/jq (stderr: \(real.stderr))")
    }

    @Test func everyMarkedCaseGivesAReason() {
        for testCase in JQHarness.cases where testCase.differsFromJQ16 != nil {
            #expect(testCase.differsFromJQ16!.count > 10, "\(testCase)")
        }
    }
}
