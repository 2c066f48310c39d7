import ShellRuntime
import Testing

/// One colour decision: a terminal, no `NO_COLOR` (even empty), `TERM` not `dumb`.
@Suite("Terminal style")
struct TerminalStyleTests {
    @Test func colourOnlyAtATerminal() {
        #expect(TerminalStyle(isTerminal: true, environment: ["TERM": "xterm"]).usesColor)
        #expect(!TerminalStyle(isTerminal: false, environment: ["TERM": "xterm"]).usesColor)
    }

    @Test func noColorTurnsColourOffEvenWhenEmpty() {
        #expect(!TerminalStyle(isTerminal: true, environment: ["NO_COLOR": "1"]).usesColor)
        #expect(!TerminalStyle(isTerminal: true, environment: ["NO_COLOR": ""]).usesColor)
    }

    @Test func dumbTerminalsGetNoColour() {
        #expect(!TerminalStyle(isTerminal: true, environment: ["TERM": "dumb"]).usesColor)
    }

    @Test func jqKeepsItsOwnRule() {
        // jq 1.7.1: an empty NO_COLOR is as good as none, and TERM is not read.
        #expect(TerminalStyle.jqUsesColor(isTerminal: true, environment: ["NO_COLOR": "", "TERM": "dumb"]))
        #expect(!TerminalStyle.jqUsesColor(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!TerminalStyle.jqUsesColor(isTerminal: false, environment: [:]))
    }

    @Test func paintAddsEscapesOnlyWithColour() {
        #expect(TerminalStyle(usesColor: true).paint("hi", .boldCyan) == "\u{1B}[1;36mhi\u{1B}[0m")
        #expect(TerminalStyle.plain.paint("hi", .boldCyan) == "hi")
        #expect(
            TerminalStyle(usesColor: true).paintForPrompt("$", .red) == "\u{01}\u{1B}[31m\u{02}$\u{01}\u{1B}[0m\u{02}")
        #expect(TerminalStyle.plain.paintForPrompt("$", .red) == "$")
    }
}
