import ShellTestSupport
import Testing

/// The spec-file parser agrees with `scripts/compare-shells` on the format.
@Suite("Spec file parser")
struct SpecFileTests {
    @Test func parsesCasesWithDefaultsAndOverrides() throws {
        let text = """
            # header comment

            #### first
            echo a

            ## stdout: a

            #### second
            echo b; exit 3
            ## STDOUT:
            b
              indented
            ## END
            ## OK bash STDOUT:
            ignored
            ## END
            ## BUG dash stdout: also ignored
            ## N-I dash status: 9
            ## status: 3
            ## stderr-contains: oops
            ## stderr-contains: two
            ## lp-shell-only: bash differs
            ## tags: alpha beta

            #### third
            true


            """
        let cases = try SpecFile.parse(text, fileName: "x.test.sh")
        #expect(cases.count == 3)
        #expect(
            cases[0] == SpecCase(name: "first", code: "echo a\n", expectedStdout: "a\n", file: "x.test.sh", line: 3))
        #expect(cases[1].code == "echo b; exit 3\n")
        #expect(cases[1].expectedStdout == "b\n  indented\n")
        #expect(cases[1].expectedStatus == 3)
        #expect(cases[1].stderrContains == ["oops", "two"])
        #expect(cases[1].lpShellOnlyReason == "bash differs")
        #expect(cases[1].isLPShellOnly)
        #expect(cases[1].tags == ["alpha", "beta"])
        #expect(cases[1].line == 8)
        #expect(cases[2].code == "true\n")
        #expect(cases[2].expectedStdout == "")
        #expect(cases[2].expectedStatus == 0)
        #expect(!cases[2].isLPShellOnly)
    }

    @Test func keepsBlankLinesInsideTheCode() throws {
        let cases = try SpecFile.parse("#### a\necho 1\n\necho 2\n\n## stdout: 1\n", fileName: "f")
        #expect(cases.first?.code == "echo 1\n\necho 2\n")
    }

    @Test(arguments: [
        ("#### a\n## stdout: x\n", 1, "has no code"),
        ("#### a\nx\n#### a\ny\n", 3, "duplicate case name"),
        ("#### a\nx\n## bogus: 1\n", 3, "unknown annotation"),
        ("#### a\nx\n## OK zsh stdout: 1\n", 3, "unknown shell"),
        ("#### a\nx\n## OK bash stderr-contains: 1\n", 3, "can be overridden"),
        ("#### a\nx\n## status: two\n", 3, "status must be a number"),
        ("#### a\nx\n## STDOUT:\nx\n", 4, "without ## END"),
        ("#### a\nx\n## stdout: 1\nstray\n", 4, "text after the annotations"),
        ("echo before\n#### a\nx\n", 1, "may precede the first case"),
        ("#### a\nx\n## lp-shell-only:\n", 3, "needs a reason"),
        ("####  \nx\n", 1, "empty case name"),
    ])
    func rejectsMalformedFiles(text: String, line: Int, message: String) {
        #expect {
            try SpecFile.parse(text, fileName: "bad.test.sh")
        } throws: { error in
            guard let error = error as? SpecFileError else { return false }
            return error.line == line && error.message.contains(message) && error.file == "bad.test.sh"
        }
    }
}
