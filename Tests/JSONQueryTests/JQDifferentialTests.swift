import Foundation
import Testing

/// Runs every golden case through the real jq (Debian's jq 1.6) and compares stdout and exit status.
/// Cases marked `## jq1.6-differs:` document where jq 1.7 (our target) behaves differently from 1.6.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/jq"), "needs /usr/bin/jq"))
struct JQDifferentialTests {
    static func runRealJQ(_ testCase: JQCase) throws -> JQResult {
        let folder = try JQHarness.directory(for: testCase)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/jq")
        process.arguments = testCase.arguments
        process.currentDirectoryURL = folder
        var environment = testCase.environment
        environment["PATH"] = "/usr/bin:/bin"
        process.environment = environment
        // Input comes from a file, so a jq that exits early (bad option) cannot SIGPIPE the test process.
        let inputFile = folder.appendingPathComponent(".stdin")
        try Data(testCase.input.utf8).write(to: inputFile)
        let input = try FileHandle(forReadingFrom: inputFile)
        defer { try? input.close() }
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return JQResult(
            stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
            status: process.terminationStatus)
    }

    @Test(arguments: JQHarness.cases.filter { $0.differsFromJQ16 == nil && !$0.terminal })
    func matchesRealJQ(_ testCase: JQCase) throws {
        let real = try Self.runRealJQ(testCase)
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
