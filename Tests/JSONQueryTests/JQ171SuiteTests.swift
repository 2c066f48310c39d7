import Foundation
import JSONQuery
import ShellRuntime
import Testing

/// jq 1.7.1's own test suite (jqlang/jq at tag jq-1.7.1: tests/*.test and tests/modules), read from
/// `../shared/thirdparty/jq-1.7.1-tests` beside the package and run the way jq's `--run-tests` runs it
/// (`src/jq_test.c`): the same case format, comparisons and must-fail messages. Skipped with the reason where
/// `../shared` is missing, except under CI, where it must be there.
@Suite struct JQ171SuiteTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/thirdparty/jq-1.7.1-tests").path

    static var suiteRuns: Bool {
        FileManager.default.fileExists(atPath: directory) || ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// The files and their case counts at jq-1.7.1 (738 in all).
    static let files = [
        ("jq.test", 447), ("onig.test", 40), ("man.test", 224), ("manonig.test", 17), ("base64.test", 7),
        ("optional.test", 3),
    ]

    /// Runs one file as jq's tests/*test scripts do: `-L tests/modules`, and `PAGER=less` for the manual's
    /// `$ENV.PAGER` examples.
    static func run(_ name: String) throws -> JQTestRunner.Summary {
        let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
        let modules = ModuleLoader(
            libraryPaths: [directory + "/modules"], workingDirectory: directory, origin: directory,
            homeDirectory: nil, read: { FileReading.readBytes($0) })
        let runner = JQTestRunner(modules: modules, environment: ["PAGER": "less"])
        return LargeStack.run { runner.run(JQTestFile(text)) }
    }

    @Test(
        .enabled(if: suiteRuns, "needs ../shared/thirdparty/jq-1.7.1-tests beside the package (required under CI)"),
        arguments: files)
    func everyCasePasses(_ file: (name: String, cases: Int)) throws {
        let summary = try Self.run(file.name)
        #expect(summary.total == file.cases, "\(file.name): \(summary.total) cases read")
        #expect(summary.malformed == 0)
        #expect(
            summary.passed == summary.total,
            "\(file.name): \(summary.passed) of \(summary.total) passed\n\(summary.failures.joined(separator: "\n"))")
    }
}

/// The test-file reader on its own: separators, `%%FAIL` and `%%FAIL IGNORE MSG`, comment lines ending outputs.
@Suite struct JQTestFileTests {
    @Test func readsCasesAsJqTestDoes() {
        let file = JQTestFile(
            """
            # a comment
            .a
            {"a":1}
            1

            %%FAIL
            {(0):1}
            jq: error: Cannot use number (0) as object key at <top-level>, line 1:

            %%FAIL IGNORE MSG
            . as [] | null
            anything

            .[]
            [1,2]
            1
            # a comment ends the outputs too
            2
            """)
        // As in jq: a comment line ends a case's outputs, and the line after it is the next program.
        #expect(file.cases.count == 5)
        #expect(file.cases.map(\.line) == [2, 7, 11, 14, 18])
        guard case .outputs(let input, let outputs) = file.cases[0].expectation else {
            Issue.record("case 1 should expect outputs")
            return
        }
        #expect(input == #"{"a":1}"#)
        #expect(outputs == ["1"])
        guard case .compileFailure(let message) = file.cases[1].expectation,
            case .compileFailure(nil) = file.cases[2].expectation,
            case .outputs(_, let lastOutputs) = file.cases[3].expectation
        else {
            Issue.record("cases 2 to 4 have the wrong expectations")
            return
        }
        #expect(message == "jq: error: Cannot use number (0) as object key at <top-level>, line 1:")
        #expect(lastOutputs == ["1"])
    }

    @Test func aWrongOutputIsReportedAsJqReportsIt() {
        let runner = JQTestRunner(
            modules: ModuleLoader(libraryPaths: [], workingDirectory: "/", origin: "/", homeDirectory: nil) { _ in nil
            },
            environment: [:])
        let summary = runner.run(JQTestFile(".+1\n1\n3\n\n[.[]]\n[1]\n[1]\n\n%%FAIL\n.\nx\n"))
        #expect(summary.total == 3)
        #expect(summary.passed == 1)
        #expect(summary.malformed == 1)
        #expect(summary.failures.first == "*** Expected 3, but got 2 for test at line number 3: .+1")
        #expect(summary.failures.last == "*** Test program compiled that should not have at line 11: .")
    }
}
