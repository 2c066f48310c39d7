import ShellRuntime
import ShellSyntax
import ShellTestSupport
import Testing

/// The syntax-error display: message line, the source line, carets under the offending text.
@Suite("Diagnostic renderer")
struct DiagnosticRendererTests {
    let renderer = DiagnosticRenderer()

    func rendered(_ source: String, fileName: String? = nil) throws -> String {
        do {
            let script = try Parser.parse(source)
            Issue.record("expected a syntax error, parsed \(script)")
            return ""
        } catch {
            return renderer.render(error, in: source, fileName: fileName)
        }
    }

    @Test func caretUnderTheOpeningQuote() throws {
        #expect(
            try rendered("echo \"abc") == """
                lp-shell: syntax error: unterminated double quote
                  echo "abc
                       ^

                """)
    }

    @Test func caretsSpanTheToken() throws {
        #expect(
            try rendered("echo a;; echo b") == """
                lp-shell: syntax error: unexpected `;;`
                  echo a;; echo b
                        ^^

                """)
    }

    @Test func tabsInTheLineAreKeptInTheCaretIndent() throws {
        // A TAB before the error must stay a TAB under it, or the caret drifts by up to 7 columns.
        #expect(try rendered("\techo\t)") == "lp-shell: syntax error: unexpected `)`\n  \techo\t)\n  \t    \t^\n")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let expected =
            "lp-shell: syntax error: unexpected `)`\n  echo é ü )\n  " + String(repeating: " ", count: 9) + "^\n"
        #expect(try rendered("echo é ü )") == expected)
    }

    @Test func laterLinesShowTheirNumberAndOnlyTheirText() throws {
        #expect(
            try rendered("echo a\necho b\n  echo )\necho c") == """
                lp-shell: line 3: syntax error: unexpected `)`
                    echo )
                         ^

                """)
    }

    @Test func fileNameAndLine() throws {
        #expect(
            try rendered("fi", fileName: "script.sh") == """
                lp-shell: script.sh: line 1: syntax error: unexpected `fi`
                  fi
                  ^^

                """)
    }

    @Test func firstLineNumberOffsetsTheLocation() {
        let error = SyntaxError("bad", at: SourceRange(start: 2, end: 3))
        #expect(
            renderer.render(error, in: "a\nb)", fileName: "f.sh", firstLineNumber: 10)
                == "lp-shell: f.sh: line 11: syntax error: bad\n  b)\n  ^\n")
        #expect(
            renderer.render(error, in: "ab)", firstLineNumber: 4)
                == "lp-shell: line 4: syntax error: bad\n  ab)\n    ^\n")
    }

    @Test func errorAtEndOfInputPointsPastTheLastCharacter() throws {
        #expect(
            try rendered("echo a &&")
                == "lp-shell: syntax error: missing command after `&&`\n  echo a &&\n         ^^\n")
        let error = SyntaxError("unexpected end of input", at: SourceRange(start: 3, end: 4), isIncomplete: true)
        #expect(renderer.render(error, in: "abc") == "lp-shell: syntax error: unexpected end of input\n  abc\n     ^\n")
    }

    @Test func rangesPastTheLineAreClampedToOneLine() {
        let error = SyntaxError("here", at: SourceRange(start: 2, end: 40))
        #expect(renderer.render(error, in: "abcd\nefgh") == "lp-shell: syntax error: here\n  abcd\n    ^^\n")
        let outside = SyntaxError("far", at: SourceRange(start: 100, end: 120))
        #expect(renderer.render(outside, in: "ab") == "lp-shell: syntax error: far\n  ab\n    ^\n")
    }

    @Test func markedPositionsRenderWhereMarked() throws {
        let marked = MarkedText("x=1; echo `echo 1️⃣)`")
        let offset = try #require(marked["1️⃣"])
        let text = try rendered(marked.text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "  " + String(repeating: " ", count: offset) + "^")
    }

    @Test func colorOnlyWhenAsked() throws {
        let error = SyntaxError("oops", at: SourceRange(start: 0, end: 1))
        let colored = DiagnosticRenderer(usesColor: true).render(error, in: "x")
        #expect(colored.contains("\u{1B}[1;31msyntax error\u{1B}[0m"))
        #expect(!renderer.render(error, in: "x").contains("\u{1B}"))
    }

    @Test func oneLineMessages() {
        #expect(renderer.render(message: "nope: command not found") == "lp-shell: nope: command not found\n")
        #expect(renderer.render(warning: "w") == "lp-shell: warning: w\n")
        #expect(renderer.render(note: "n") == "lp-shell: note: n\n")
        #expect(DiagnosticRenderer(programName: "x").render(message: "m") == "x: m\n")
    }
}

/// Diagnostics built directly, and the jq layout.
@Suite("Diagnostic values")
struct DiagnosticValueTests {
    let renderer = DiagnosticRenderer()

    @Test func aLocatedRuntimeErrorHasNoLabel() {
        let source = SourceText("echo ${x?}", fileName: "s.sh", firstLineNumber: 3)
        let diagnostic = Diagnostic(
            .error, "x: unset", location: SourceLocation(SourceRange(start: 5, end: 10), in: source))
        #expect(renderer.render(diagnostic) == "lp-shell: s.sh: line 3: x: unset\n  echo ${x?}\n       ^^^^^\n")
    }

    @Test func aDiagnosticMayNameItsOwnProgram() {
        #expect(renderer.render(Diagnostic(.warning, "w", programName: "jwt")) == "jwt: warning: w\n")
    }

    @Test func longLinesAreWindowedUnderTheSameCaret() {
        let source = String(repeating: "echo a; ", count: 20) + "fi"
        let error = SyntaxError("unexpected `fi`", at: SourceRange(start: 160, end: 162))
        let lines = renderer.render(error, in: source).split(separator: "\n")
        #expect(lines[1] == "  …" + String(source.suffix(49)))
        #expect(lines[2] == "  " + String(repeating: " ", count: 48) + "^^")
    }

    @Test func jqLayoutQuotesTheProgramThenTheCaret() {
        let jq = DiagnosticRenderer(programName: "jq")
        func diagnostic(_ program: String, _ start: Int, _ length: Int) -> Diagnostic {
            let range = SourceRange(start: start, end: start + length)
            return Diagnostic(.error, "bad", kind: "error", location: SourceLocation(range, in: SourceText(program)))
        }
        #expect(
            jq.renderInJQLayout(diagnostic(".a | x", 5, 1))
                == "jq: error: bad at <top-level>, line 1:\n.a | x\n     ^\n")
        #expect(
            jq.renderInJQLayout(diagnostic(".a |\n  x", 7, 1))
                == "jq: error: bad at <top-level>, line 2:\n.a |\n  x\n  x\n  ^\n")
        let long = String(repeating: ".a | ", count: 20) + "x"
        #expect(
            jq.renderInJQLayout(diagnostic(long, 100, 1))
                == "jq: error: bad at <top-level>, line 1:\n\(long)\n…\(long.suffix(48))\n"
                + String(repeating: " ", count: 48) + "^\n")
    }
}
