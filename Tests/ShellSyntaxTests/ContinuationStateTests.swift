import ShellSyntax
import Testing

/// The REPL's line collection: PS2 while a command is open, pasted prompts dropped at command start.
@Suite("Continuation state")
struct ContinuationStateTests {
    /// Feeds every line but the last expecting `.needsMoreInput`, and returns the last line's event.
    func feed(_ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) -> ContinuationState.Event {
        var state = ContinuationState()
        for line in lines.dropLast() {
            #expect(
                state.feed(line) == .needsMoreInput, "after \(line.debugDescription)", sourceLocation: sourceLocation)
            #expect(state.isContinuing, sourceLocation: sourceLocation)
        }
        let event = state.feed(lines.last ?? "")
        #expect(!state.isContinuing, sourceLocation: sourceLocation)
        return event
    }

    func expectComplete(
        _ lines: [String], source: String? = nil, notes: Int = 0, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let event = feed(lines, sourceLocation: sourceLocation)
        guard case .complete(let script, let actualSource, let actualNotes) = event else {
            Issue.record("expected a complete command, got \(event)", sourceLocation: sourceLocation)
            return
        }
        let expectedSource = source ?? lines.joined(separator: "\n")
        #expect(actualSource == expectedSource, sourceLocation: sourceLocation)
        #expect(actualNotes.count == notes, "\(actualNotes)", sourceLocation: sourceLocation)
        #expect((try? Parser.parse(expectedSource)) == script, sourceLocation: sourceLocation)
    }

    @Test func singleLine() { expectComplete(["echo hi"]) }
    @Test func openDoubleQuote() { expectComplete(["echo \"a", "b\""]) }
    @Test func openSingleQuoteOverThreeLines() { expectComplete(["echo 'a", "", "b'"]) }
    @Test func openBacktick() { expectComplete(["X=`echo", "hi`"]) }
    @Test func openDollarParen() { expectComplete(["X=$(echo a |", "tr a b)"]) }
    @Test func trailingPipe() { expectComplete(["echo a |", "tr a b"]) }
    @Test func trailingAndAnd() { expectComplete(["true &&", "echo yes"]) }
    @Test func trailingOrOr() { expectComplete(["false ||", "", "echo yes"]) }
    @Test func trailingBackslash() { expectComplete(["echo a \\", "b"]) }
    @Test func ifUntilFi() { expectComplete(["if true", "then", "  echo y", "fi"]) }
    @Test func forUntilDone() { expectComplete(["for x in a b; do", "echo $x", "done"]) }
    @Test func heredocUntilDelimiter() { expectComplete(["cat <<EOF", "line $X", "EOF"]) }
    @Test func functionBody() { expectComplete(["f() {", "echo in f", "}"]) }

    @Test func pastedPromptsAreDroppedAtCommandStart() {
        expectComplete(["> echo $LP_JWT"], source: "echo $LP_JWT", notes: 1)
        expectComplete(["$ curl -s https://x"], source: "curl -s https://x", notes: 1)
        expectComplete(["  $   echo a"], source: "echo a", notes: 1)
    }

    @Test func pastedPromptIsKeptInsideACommand() {
        // The second line continues an open quote: its `> ` is text, not a prompt.
        expectComplete(["echo \"a", "> b\""], source: "echo \"a\n> b\"")
        expectComplete(["echo a |", "$ cat"], source: "echo a |\n$ cat")
    }

    @Test func promptLookalikesAreKept() {
        expectComplete([">out echo hi"])
        expectComplete(["$HOME/bin/x"])
        #expect(ContinuationState.strippingPastedPrompt("> ", atCommandStart: true) == nil)
        #expect(ContinuationState.strippingPastedPrompt("$ ", atCommandStart: true) == nil)
        #expect(ContinuationState.strippingPastedPrompt("> x", atCommandStart: false) == nil)
        #expect(ContinuationState.strippingPastedPrompt("> x", atCommandStart: true) == "x")
        #expect(ContinuationState.strippingPastedPrompt("# x", atCommandStart: true) == nil)
    }

    @Test(arguments: ["", "   ", "\t", "# a comment", "   # indented comment"])
    func blankAndCommentLinesAreEmpty(line: String) {
        var state = ContinuationState()
        #expect(state.feed(line) == .empty)
        #expect(!state.isContinuing)
    }

    @Test func syntaxErrorResetsTheState() {
        var state = ContinuationState()
        #expect(state.feed("echo \"a") == .needsMoreInput)
        guard case .syntaxError(let error, let source, _) = state.feed("b\" )") else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(error.message == "unexpected `)`")
        #expect(!error.isIncomplete)
        #expect(source == "echo \"a\nb\" )")
        #expect(!state.isContinuing)
        #expect(state.feed("echo ok") != .needsMoreInput)
    }

    @Test func finishReportsAnUnfinishedCommand() {
        var state = ContinuationState()
        #expect(state.finish() == nil)
        #expect(state.feed("echo 'open") == .needsMoreInput)
        guard case .syntaxError(let error, let source, _)? = state.finish() else {
            Issue.record("expected a syntax error at end of input")
            return
        }
        #expect(error.message == "unterminated single quote")
        #expect(source == "echo 'open")
        #expect(!state.isContinuing)
        #expect(state.finish() == nil)
    }

    @Test func resetDropsCollectedLines() {
        var state = ContinuationState()
        #expect(state.feed("if true") == .needsMoreInput)
        state.reset()
        #expect(!state.isContinuing)
        #expect(state.feed("fi") != .needsMoreInput)
    }
}
