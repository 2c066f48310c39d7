import ShellRuntime
import ShellSyntax
import Testing

/// No diagnostic shows a JWT in clear: messages, source lines, jq programs and builtins' own wording are masked at
/// the renderer, and carets stay under the (masked) token they point at.
@Suite("Diagnostic masking")
struct DiagnosticMaskingTests {
    static let token =
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTEyMyIsImV4cCI6MTcwMDAwMDAwMH0.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU"
    static let masked = "eyJh…U"
    let renderer = DiagnosticRenderer()

    @Test func theMessageIsMasked() {
        #expect(
            renderer.render(message: "cd: \(Self.token): No such file or directory")
                == "lp-shell: cd: \(Self.masked): No such file or directory\n")
    }

    @Test func aWarningAndANoteAreMasked() {
        #expect(!renderer.render(warning: "x \(Self.token)").contains(Self.token))
        #expect(!renderer.render(note: "x \(Self.token)").contains(Self.token))
    }

    @Test func theSourceLineIsMaskedAndTheCaretStaysUnderItsToken() {
        let source = "echo \(Self.token) \"abc"
        let start = source.utf8.count - 4
        let text = renderer.render(
            Diagnostic(
                .error, "unterminated double quote", kind: "syntax error",
                location: SourceLocation(SourceRange(start: start, end: start + 1), in: SourceText(source))))
        #expect(
            text == """
                lp-shell: syntax error: unterminated double quote
                  echo \(Self.masked) "abc
                              ^

                """)
    }

    @Test func aCaretInsideATokenCoversTheMaskedToken() {
        let source = "x \(Self.token) y"
        let excerpt = SourceExcerpt(text: source, range: SourceRange(start: 10, end: 20))
        #expect(excerpt.line == "x \(Self.masked) y")
        #expect(excerpt.caretIndent == "  ")
        #expect(excerpt.carets == String(repeating: "^", count: Self.masked.count))
    }

    @Test func aCaretAfterSeveralTokensMovesWithThem() {
        let source = "\(Self.token) \(Self.token) )"
        let excerpt = SourceExcerpt(
            text: source, range: SourceRange(start: source.utf8.count - 1, end: source.utf8.count))
        #expect(excerpt.line == "\(Self.masked) \(Self.masked) )")
        #expect(excerpt.caretIndent.count == 2 * Self.masked.count + 2)
        #expect(excerpt.carets == "^")
    }

    @Test func aLongLineIsMaskedBeforeItIsCut() {
        // Cut first, the window would keep a piece of the payload that no longer looks like a JWT.
        let source = String(repeating: "a ", count: 40) + Self.token + " )"
        let excerpt = SourceExcerpt(text: source, range: SourceRange(start: 0, end: 1))
        #expect(!excerpt.line.contains("eyJzdWIi"))
    }

    @Test func aJQProgramIsMaskedWithItsCaret() {
        let program = "1 + \(Self.token)"
        let text = DiagnosticRenderer(programName: "jq").renderInJQLayout(
            Diagnostic(
                .error, "\(Self.token)/0 is not defined", kind: "error",
                location: SourceLocation(SourceRange(start: 4, end: 40), in: SourceText(program))))
        #expect(
            text == """
                jq: error: \(Self.masked)/0 is not defined at <top-level>, line 1:
                1 + \(Self.masked)
                    ^^^^^^

                """)
    }

    @Test func aBuiltinsOwnWordingIsMasked() {
        let output = ByteOutput.capturing()
        output.writeDiagnostic("test: \(Self.token): integer expression expected\n")
        #expect(output.capturedString == "test: \(Self.masked): integer expression expected\n")
    }

    @Test func plainOutputIsNotMasked() {
        // `echo $T >&2` prints what the user asked for.
        let output = ByteOutput.capturing()
        output.write(Self.token)
        #expect(output.capturedString == Self.token)
    }
}
