import Foundation
import ShellTestSupport
import Testing

/// Runs every golden case through the real jq (Debian's jq 1.6, at the patch levels `Peers.jq` holds for) and
/// compares stdout and exit status. Cases marked `## jq1.6-differs:` document where jq 1.7.1 (our target) behaves
/// differently from 1.6; cases marked `## jq1.6-patch-levels:` document where Debian's 1.6 patch levels disagree
/// with each other, so only the golden test checks them.
@Suite(.enabled(if: Peers.jq.isInstalled, "needs /usr/bin/jq (Debian's jq)"))
struct JQDifferentialTests {
    /// Runs the case through /usr/bin/jq with `ChildProcess` (posix_spawn, its own reader threads): Foundation's
    /// `Process` waits on GCD, which shares its few workers with the cooperative pool the async tests need.
    static func runRealJQ(_ testCase: JQCase) throws -> JQResult {
        let folder = try JQHarness.directory(for: testCase)
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = testCase.environment
        environment["PATH"] = "/usr/bin:/bin"
        let result = try ChildProcess.run(
            executable: Peers.jq.executable, arguments: testCase.arguments, stdin: Array(testCase.input.utf8),
            environment: environment, directory: folder, timeout: 30)
        return JQResult(stdout: result.stdout, stderr: result.stderr, status: result.status)
    }

    static let comparedCases = JQHarness.cases.filter {
        $0.differsFromJQ16 == nil && $0.variesAcrossJQ16PatchLevels == nil && !$0.terminal
    }

    @Test(arguments: comparedCases)
    func matchesRealJQ(_ testCase: JQCase) async throws {
        let real = try await offThreadProcess { try Self.runRealJQ(testCase) }
        let ours = try JQHarness.runBuiltin(testCase)
        await Peers.jq.compare {
            #expect(ours.stdout == real.stdout, "stdout differs from \(Peers.jq)")
            #expect(ours.status == real.status, "status differs from \(Peers.jq) (stderr: \(real.stderr))")
        }
    }

    @Test func everyMarkedCaseGivesAReason() {
        for testCase in JQHarness.cases {
            for reason in [testCase.differsFromJQ16, testCase.variesAcrossJQ16PatchLevels].compactMap({ $0 }) {
                #expect(reason.count > 10, "\(testCase)")
            }
        }
    }

    /// A patch-level case names the versions it has seen, so the next reader knows which answer came from where.
    @Test func everyPatchLevelCaseNamesAVersionThisSuiteHoldsFor() {
        for testCase in JQHarness.cases {
            guard let reason = testCase.variesAcrossJQ16PatchLevels else { continue }
            #expect(Peers.jq.heldFor.contains { reason.contains($0) }, "\(testCase): \(reason)")
        }
    }
}
