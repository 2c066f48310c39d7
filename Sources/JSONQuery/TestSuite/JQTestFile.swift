/// A file in jq's `--run-tests` format, read the way jq 1.7.1's `src/jq_test.c` reads it: blank lines and lines
/// starting with `#` separate cases; a case is a program line, an input line and the expected outputs, one JSON text
/// a line; `%%FAIL` (or `%%FAIL IGNORE MSG`) before a program says it must not compile, and the line after it holds
/// the first line of jq's error message.
public struct JQTestFile: Sendable {
    /// One case.
    public struct Case: Sendable {
        /// What the case expects.
        public enum Expectation: Sendable {
            /// Running the program on `input` yields exactly `outputs` (JSON texts, compared as values).
            case outputs(input: String, outputs: [String])
            /// The program fails to compile; `message` is jq's first line when the message is checked.
            case compileFailure(message: String?)
        }

        /// The program text.
        public var program: String
        /// The 1-based line of the program in the file.
        public var line: Int
        /// What it expects.
        public var expectation: Expectation
    }

    /// The cases, in file order.
    public var cases: [Case] = []

    /// Reads the text of a test file.
    public init(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var index = 0
        var mustFailChecksMessage: Bool? = nil
        func isSeparator(_ line: String) -> Bool {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            return trimmed.isEmpty || trimmed.first == "#"
        }
        while index < lines.count {
            let line = lines[index]
            index += 1
            if isSeparator(line) { continue }
            if line == "%%FAIL" || line == "%%FAIL IGNORE MSG" {
                mustFailChecksMessage = line == "%%FAIL"
                continue
            }
            let programLine = index
            if let checksMessage = mustFailChecksMessage {
                mustFailChecksMessage = nil
                let message = index < lines.count ? lines[index] : ""
                index += 1
                cases.append(
                    Case(
                        program: line, line: programLine,
                        expectation: .compileFailure(message: checksMessage ? message : nil)))
                // jq reads the message line only; the lines up to the next separator are programs of their own.
                continue
            }
            let input = index < lines.count ? lines[index] : ""
            index += 1
            var outputs: [String] = []
            while index < lines.count, !isSeparator(lines[index]) {
                outputs.append(lines[index])
                index += 1
            }
            cases.append(Case(program: line, line: programLine, expectation: .outputs(input: input, outputs: outputs)))
        }
    }
}
