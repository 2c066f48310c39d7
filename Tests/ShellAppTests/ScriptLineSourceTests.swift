import LineEditing
import ShellRuntime
import Testing

@testable import ShellApp

/// A line wscat gives back (the shell command that ended its frames) is the next one read, from where it came:
/// the script the batch runner reads, or the frames a step queued; line numbers count it once.
@Suite("Script lines given back")
struct ScriptLineSourceTests {
    @Test func aLineGivenBackIsReadAgainAndCountedOnce() {
        let lines = ReaderLines(reader: StringLineReader("wscat -c ws://x\n{\"a\":1}\necho after\necho more"))
        #expect(lines.nextScriptLine() == "wscat -c ws://x")
        #expect(lines.nextScriptLine() == "{\"a\":1}")
        #expect(lines.nextScriptLine() == "echo after")
        #expect(lines.lineNumber == 3)
        lines.unread("echo after")
        #expect(lines.lineNumber == 2)
        #expect(lines.nextScriptLine() == "echo after")
        #expect(lines.lineNumber == 3)
        #expect(lines.nextScriptLine() == "echo more")
        #expect(lines.nextScriptLine() == nil)
        #expect(lines.nextScriptLine() == nil, "the end is not read twice")
        #expect(lines.lineNumber == 4)
    }

    @Test func theInterpreterGivesALineBackWhereItCameFrom() {
        let interpreter = Interpreter(builtins: [])
        let script = ReaderLines(reader: StringLineReader("echo after"))
        interpreter.scriptLines = script
        interpreter.pushScriptLines(["{\"step\":1}", "/close"])
        #expect(interpreter.readScriptLine() == "{\"step\":1}")
        interpreter.unreadScriptLine("{\"step\":1}")
        #expect(script.lineNumber == 0, "a queued line does not go into the script")
        #expect(interpreter.readScriptLine() == "{\"step\":1}")
        #expect(interpreter.readScriptLine() == "/close")
        #expect(interpreter.readScriptLine() == "echo after")
        interpreter.unreadScriptLine("echo after")
        interpreter.discardPushedScriptLines()
        #expect(script.nextScriptLine() == "echo after", "the script line went back to the script")
    }
}
