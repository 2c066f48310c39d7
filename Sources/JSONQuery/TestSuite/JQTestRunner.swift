/// Runs a ``JQTestFile`` as jq 1.7.1's `--run-tests` does (`src/jq_test.c`): every case compiles its program,
/// runs it on its input with no further inputs, and passes when the outputs equal the expected values in order with
/// none left over (an error after the last expected output is allowed, as jq allows it); a must-fail case passes
/// when the program does not compile and, for `%%FAIL`, jq's first line of the message matches.
public struct JQTestRunner {
    /// What a run of a file found.
    public struct Summary: Sendable {
        /// Cases run.
        public var total = 0
        /// Cases that passed.
        public var passed = 0
        /// Cases whose text could not be used (an input or expected output that is not JSON).
        public var malformed = 0
        /// One line per case that did not pass, as jq words it (`*** Expected 1, but got 2 for test at line …`).
        public var failures: [String] = []
    }

    /// Where `import` and `include` look (jq's `-L`).
    public var modules: ModuleLoader
    /// `$ENV` and `env` (jq's man tests read `$ENV.PAGER`).
    public var environment: [String: String]

    /// A runner with the given module loader and environment.
    public init(modules: ModuleLoader, environment: [String: String]) {
        self.modules = modules
        self.environment = environment
    }

    /// Runs every case of `file`; `log` receives jq's per-case lines (`Test #N: '…' at line number L`, `*** …`).
    public func run(_ file: JQTestFile, log: (String) -> Void = { _ in }) -> Summary {
        var summary = Summary()
        for (number, testCase) in file.cases.enumerated() {
            summary.total += 1
            log("Test #\(number + 1): '\(testCase.program)' at line number \(testCase.line)")
            switch check(testCase) {
            case .passed: summary.passed += 1
            case .failed(let line):
                log(line)
                summary.failures.append(line)
            case .malformed(let line):
                log(line)
                summary.failures.append(line)
                summary.malformed += 1
            }
        }
        return summary
    }

    enum Verdict: Equatable {
        case passed
        case failed(String)
        case malformed(String)
    }

    /// Runs one case.
    func check(_ testCase: JQTestFile.Case) -> Verdict {
        let program: JQProgram
        do {
            program = try JQProgram(testCase.program, modules: modules)
        } catch {
            guard case .compileFailure(let expected) = testCase.expectation else {
                return .failed("*** Test program failed to compile at line \(testCase.line): \(testCase.program)")
            }
            let message = error.firstLine(source: testCase.program)
            if let expected, expected != message {
                return .failed(
                    "*** Erroneous test program failed with wrong message (\(message)) at line \(testCase.line + 1): "
                        + testCase.program)
            }
            return .passed
        }
        switch testCase.expectation {
        case .compileFailure:
            return .malformed(
                "*** Test program compiled that should not have at line \(testCase.line + 1): \(testCase.program)")
        case .outputs(let inputText, let expectedTexts):
            guard let input = try? JSONParser.parseSingle(inputText) else {
                return .malformed("*** Input is invalid on line \(testCase.line + 1): \(inputText)")
            }
            var expected: [JSONValue] = []
            for (offset, text) in expectedTexts.enumerated() {
                guard let value = try? JSONParser.parseSingle(text) else {
                    return .malformed("*** Expected result is invalid on line \(testCase.line + 2 + offset): \(text)")
                }
                expected.append(value)
            }
            let actual = outputs(of: program, on: input, wanting: expected.count + 1)
            return compare(actual, expected, testCase)
        }
    }

    private func compare(_ actual: [JSONValue], _ expected: [JSONValue], _ testCase: JQTestFile.Case) -> Verdict {
        for (offset, value) in expected.enumerated() {
            let line = testCase.line + 2 + offset
            guard offset < actual.count else {
                return .failed("*** Insufficient results for test at line number \(line): \(testCase.program)")
            }
            if actual[offset] != value {
                return .failed(
                    "*** Expected \(JSONWriter.compactString(value)), but got \(JSONWriter.compactString(actual[offset])) "
                        + "for test at line number \(line): \(testCase.program)")
            }
        }
        if actual.count > expected.count {
            return .failed(
                "*** Superfluous result: \(JSONWriter.compactString(actual[expected.count])) for test at line number "
                    + "\(testCase.line + 1 + expected.count): \(testCase.program)")
        }
        return .passed
    }

    /// The program's first `limit` outputs on `input`; an error ends them, as `jq_next` returning invalid does.
    private func outputs(of program: JQProgram, on input: JSONValue, wanting limit: Int) -> [JSONValue] {
        struct Enough: Error {}
        var values: [JSONValue] = []
        let session = JQSession(variables: [], environment: environment, host: SilentQueryHost())
        do {
            try program.run(input: input, session: session) { value in
                values.append(value)
                if values.count >= limit { throw Enough() }
            }
        } catch {}
        return values
    }
}

/// A host with no inputs (`input` fails with "break", as jq 1.7.1 says when they are exhausted) that drops `debug`
/// and `stderr` messages: jq's test harness, and programs run on a single value.
public final class SilentQueryHost: QueryHost {
    public init() {}
    public func nextInput() throws -> JSONValue? { nil }
    public func debug(_ value: JSONValue) {}
    public func stderr(_ value: JSONValue) {}
    public var currentFilename: String? { nil }
    public var inputLineNumber: Int { 0 }
    public var isInterrupted: Bool { false }
}
