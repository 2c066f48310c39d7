import Foundation
import JSONQuery
import ShellBuiltins
import ShellRuntime
import Testing

/// A `ShellServices` with nothing behind it: the jq builtin never calls back into the shell.
final class NoShell: ShellServices {
    func run(source: String, name: String, state: inout ShellState, io: IOStreams) -> ShellRuntime.ExitStatus {
        .notFound
    }
    var builtins: [any Builtin.Type] { StandardBuiltins.all }
    var history: [String] { [] }
    func clearHistory() {}
}

/// What a run produced.
struct JQResult: Equatable, Sendable {
    var stdout: String
    var stderr: String
    var status: Int32
}

enum JQHarness {
    static let cases = JQCase.loadAll()

    /// A fresh directory holding the case's `## file` blocks.
    static func directory(for testCase: JQCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jq-case-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, content) in testCase.files {
            try content.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url
    }

    /// Runs the case through the in-process `jq` builtin.
    static func runBuiltin(_ testCase: JQCase) throws -> JQResult {
        let folder = try directory(for: testCase)
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = testCase.environment
        environment["PATH"] = "/usr/bin:/bin"
        var state = ShellState(environment: environment)
        state.workingDirectory = folder.path
        let io = IOStreams(
            stdin: ByteInput(string: testCase.input), stdout: ByteOutput(capturingAsTerminal: testCase.terminal),
            stderr: .capturing())
        var context = CommandContext(
            name: "jq", arguments: testCase.arguments, io: io, state: state, shell: NoShell())
        guard let jq = StandardBuiltins.all.first(where: { $0.name == "jq" }) else {
            return JQResult(stdout: "", stderr: "jq is not registered", status: -1)
        }
        let status = jq.init().run(&context)
        return JQResult(stdout: io.stdout.capturedString, stderr: io.stderr.capturedString, status: status.rawValue)
    }
}

@Suite struct JQGoldenTests {
    @Test func casesAreLoaded() {
        #expect(JQHarness.cases.count >= 300)
    }

    @Test(arguments: JQHarness.cases)
    func golden(_ testCase: JQCase) throws {
        let result = try JQHarness.runBuiltin(testCase)
        #expect(result.stdout == testCase.expected, "stdout")
        #expect(result.status == testCase.exitCode, "exit status; stderr: \(result.stderr)")
        if let error = testCase.error {
            #expect(result.stderr == error, "stderr")
        }
    }

    @Test(
        arguments: JQHarness.cases.compactMap { testCase -> String? in
            guard let filter = testCase.filter, (try? JQProgram(filter, variables: ["a", "b", "x", "v"])) != nil else {
                return nil
            }
            return filter
        })
    func printedFormReparsesToTheSameTree(_ filter: String) throws {
        let tree = try Parser.parse(filter)
        let printed = tree.description
        let reparsed = try Parser.parse(printed)
        #expect(reparsed == tree, "printed: \(printed)")
    }
}
