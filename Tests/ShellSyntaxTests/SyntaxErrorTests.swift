import ShellSyntax
import ShellTestSupport
import Testing

/// Each syntax error names the problem, points at the right place, and says whether more input could fix it.
@Suite("Syntax errors")
struct SyntaxErrorTests {
    @Test func quotes() {
        // The caret goes under the quote that was never closed.
        assertSyntaxError("echo 1️⃣\"2️⃣abc", "unterminated double quote", incomplete: true)
        assertSyntaxError("echo 1️⃣'abc", "unterminated single quote", incomplete: true)
        assertSyntaxError("echo x 1️⃣\"a\nb", "unterminated double quote", incomplete: true)
        assertSyntaxError("echo 1️⃣\\", "a backslash ends the input", incomplete: true)
    }

    @Test func backticks() {
        assertSyntaxError("echo 1️⃣`echo x", "unterminated backtick", incomplete: true)
        // A construct left open inside closed backticks cannot be completed by more input.
        assertSyntaxError("echo `echo 1️⃣)`", "unexpected `)` inside backticks", incomplete: false)
        assertSyntaxError("echo `echo 1️⃣$(`", "unterminated command substitution inside backticks", incomplete: false)
    }

    @Test func commandSubstitutionAndArithmetic() {
        assertSyntaxError("echo 1️⃣$(ls", "unterminated command substitution", incomplete: true)
        assertSyntaxError("echo $(ls 1️⃣;;)", "unexpected `;;`", incomplete: false)
        assertSyntaxError("echo 1️⃣$((1+2", "unterminated arithmetic expansion", incomplete: true)
        assertSyntaxError("echo $((1+21️⃣)", "expected `))` to close `$((`", incomplete: false)
    }

    @Test func parameterExpansions() {
        assertSyntaxError("echo 1️⃣${X", "unterminated `${`", incomplete: true)
        assertSyntaxError("echo 1️⃣${X:-a", "unterminated `${`", incomplete: true)
        assertSyntaxError("echo 1️⃣${}2️⃣", "bad substitution", incomplete: false)
        assertSyntaxError("echo 1️⃣${X:q2️⃣}", "bad substitution", incomplete: false)
        assertSyntaxError("echo 1️⃣${1a2️⃣bc}", "bad substitution", incomplete: false)
        assertSyntaxError("echo 1️⃣${X:#2️⃣a}", "bad substitution", incomplete: false)
    }

    /// Found by scripts/fuzz: an empty compound list parsed, and printed to text that does not parse back.
    @Test func compoundListsNeedACommand() {
        assertSyntaxError(
            "if false; then 1️⃣else2️⃣ echo x; fi", "unexpected `else`: a command is needed before it", incomplete: false)
        assertSyntaxError("if 1️⃣then2️⃣ echo; fi", "unexpected `then`: a command is needed before it", incomplete: false)
        assertSyntaxError(
            "for i in 1; do 1️⃣done2️⃣", "unexpected `done`: a command is needed before it", incomplete: false)
        assertSyntaxError("while :; do\n1️⃣done2️⃣", "unexpected `done`: a command is needed before it", incomplete: false)
        assertSyntaxError("{ 1️⃣}2️⃣ > f", "unexpected `}`: a command is needed before it", incomplete: false)
        assertSyntaxError("( 1️⃣)2️⃣", "unexpected `)`: a command is needed before it", incomplete: false)
    }

    @Test func operators() {
        assertSyntaxError("1️⃣|2️⃣ cat", "unexpected `|`", incomplete: false)
        assertSyntaxError("1️⃣||2️⃣ echo a", "unexpected `||`", incomplete: false)
        assertSyntaxError("echo a 1️⃣&&2️⃣", "missing command after `&&`", incomplete: true)
        assertSyntaxError("echo a 1️⃣||", "missing command after `||`", incomplete: true)
        assertSyntaxError("echo a 1️⃣|", "missing command after `|`", incomplete: true)
        assertSyntaxError("echo a 1️⃣|  # comment\n", "missing command after `|`", incomplete: true)
        assertSyntaxError("echo 1️⃣)2️⃣", "unexpected `)`", incomplete: false)
        assertSyntaxError("echo a1️⃣;;2️⃣ echo b", "unexpected `;;`", incomplete: false)
        assertSyntaxError("echo a 1️⃣>2️⃣", "missing file name after `>`", incomplete: false)
        assertSyntaxError("echo a > 1️⃣|2️⃣ x", "unexpected `|`", incomplete: false)
    }

    @Test func compoundCommands() {
        assertSyntaxError("1️⃣if2️⃣ true; then echo", "expected `fi` to close `if`", incomplete: true)
        assertSyntaxError("1️⃣if true", "expected `then` to close `if`", incomplete: true)
        assertSyntaxError("if true; then echo; 1️⃣done2️⃣", "unexpected `done`", incomplete: false)
        assertSyntaxError("1️⃣for2️⃣ i in a b", "expected `do` to close `for`", incomplete: true)
        assertSyntaxError("for i in a b; 1️⃣echo2️⃣", "expected `do` but found `echo`", incomplete: false)
        assertSyntaxError("for 1️⃣1x2️⃣ in a; do :; done", "expected a variable name after `for`", incomplete: false)
        assertSyntaxError("1️⃣while2️⃣ true", "expected `do` to close `while`", incomplete: true)
        assertSyntaxError("1️⃣until2️⃣ true; do :", "expected `done` to close `until`", incomplete: true)
        assertSyntaxError("1️⃣case x in a) echo;;", "expected `esac` to close `case`", incomplete: true)
        assertSyntaxError("1️⃣{ echo", "expected `}` to close `{`", incomplete: true)
        assertSyntaxError("1️⃣( echo", "expected `)` to close `(`", incomplete: true)
        assertSyntaxError("1️⃣f() ", "missing function body after `f()`", incomplete: true)
        assertSyntaxError("1️⃣then2️⃣", "unexpected `then`", incomplete: false)
        assertSyntaxError("echo ok; 1️⃣fi2️⃣", "unexpected `fi`", incomplete: false)
    }

    @Test func heredocs() {
        assertSyntaxError("cat <<1️⃣EOF2️⃣", "here-document `EOF` has no body yet", incomplete: true)
        assertSyntaxError("cat <<1️⃣EOF2️⃣\nabc\n", "here-document is not closed by a line `EOF`", incomplete: true)
        assertSyntaxError("cat <<1️⃣'END'2️⃣\nEND \n", "here-document is not closed by a line `END`", incomplete: true)
    }

    @Test func errorsOnLaterLinesPointIntoThem() {
        assertSyntaxError("echo a\necho b\necho 1️⃣)", "unexpected `)`", incomplete: false)
        assertSyntaxError("echo é 1️⃣)", "unexpected `)`", incomplete: false)
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let source = String(repeating: "$(", count: 10_000)
        #expect(throws: SyntaxError.self) { try Parser.parse(source) }
        let subshells = String(repeating: "(", count: 10_000)
        #expect(throws: SyntaxError.self) { try Parser.parse(subshells) }
        let braces = "echo " + String(repeating: "${X:-", count: 10_000) + String(repeating: "}", count: 10_000)
        #expect(throws: SyntaxError.self) { try Parser.parse(braces) }
        let groups = String(repeating: "{ ", count: 10_000) + "echo" + String(repeating: "; }", count: 10_000)
        #expect(throws: SyntaxError.self) { try Parser.parse(groups) }
        let conditions = String(repeating: "if true; then ", count: 10_000)
        #expect(throws: SyntaxError.self) { try Parser.parse(conditions) }
    }

    @Test func markedTextOffsetsAreUTF8() {
        let marked = MarkedText("é1️⃣x2️⃣")
        #expect(marked.text == "éx")
        #expect(marked["1️⃣"] == 2)
        #expect(marked["2️⃣"] == 3)
        #expect(marked["3️⃣"] == nil)
        #expect(MarkedText("a1️⃣b1️⃣").duplicateMarkers == ["1️⃣"])
    }
}
