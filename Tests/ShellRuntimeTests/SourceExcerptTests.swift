import ShellRuntime
import ShellSyntax
import Testing

/// The line and carets a located diagnostic shows, cut around the caret on long lines (gojq's 48/64 window).
@Suite("Source excerpt")
struct SourceExcerptTests {
    @Test func shortLinesAreShownWhole() {
        let excerpt = SourceExcerpt(text: "a\necho $((1+))\nb", range: SourceRange(start: 7, end: 14))
        #expect(excerpt.lineIndex == 1)
        #expect(excerpt.column == 6)
        #expect(excerpt.line == "echo $((1+))")
        #expect(excerpt.caretIndent == "     ")
        #expect(excerpt.carets == "^^^^^^^")
        #expect(!excerpt.isWindowed)
    }

    @Test func aLineOf64CharactersIsNotCut() {
        let line = String(repeating: "x", count: 64)
        let excerpt = SourceExcerpt(text: line, range: SourceRange(start: 48, end: 49))
        #expect(excerpt.line == line)
        #expect(!excerpt.isWindowed)
    }

    @Test func aLongLineIsCutAroundTheCaret() {
        let line = String(repeating: "a", count: 100) + "BAD" + String(repeating: "z", count: 100)
        let excerpt = SourceExcerpt(text: line, range: SourceRange(start: 100, end: 103))
        #expect(excerpt.column == 101)
        #expect(
            excerpt.line == "…" + String(repeating: "a", count: 47) + "BAD" + String(repeating: "z", count: 12) + "…")
        #expect(excerpt.line.count == SourceExcerpt.maximumWidth)
        #expect(excerpt.caretIndent.count == SourceExcerpt.charactersBeforeCaret)
        #expect(excerpt.carets == "^^^")
        #expect(excerpt.isWindowed)
    }

    @Test func anEarlyCaretKeepsTheStartAndCutsTheEnd() {
        let line = "echo " + String(repeating: "y", count: 200)
        let excerpt = SourceExcerpt(text: line, range: SourceRange(start: 0, end: 4))
        #expect(excerpt.line == String(line.prefix(63)) + "…")
        #expect(excerpt.caretIndent == "")
        #expect(excerpt.carets == "^^^^")
    }

    @Test func caretsStopAtTheCut() {
        let line = String(repeating: "q", count: 10) + String(repeating: "w", count: 100)
        let excerpt = SourceExcerpt(text: line, range: SourceRange(start: 10, end: 110))
        #expect(excerpt.carets.count == 53)
        #expect(excerpt.caretIndent.count + excerpt.carets.count == excerpt.line.count - 1)
    }

    @Test func tabsStayTabsInTheIndentAfterACut() {
        let line = String(repeating: "\t", count: 60) + "x"
        let excerpt = SourceExcerpt(text: line, range: SourceRange(start: 60, end: 61))
        #expect(excerpt.caretIndent == " " + String(repeating: "\t", count: 47))
        #expect(excerpt.line.hasPrefix("…\t"))
    }
}
