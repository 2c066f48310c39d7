import Foundation
import ShellTestSupport
import Testing

/// Errors: exact messages, statuses, and the session going on after a runtime error.
@Suite("Errors")
struct ErrorTests {
    @Test func syntaxErrorWithCaret() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.command("echo \"abc")
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "lp-shell: syntax error: unterminated double quote\n  echo \"abc\n       ^\n")
    }

    @Test func syntaxErrorInAScriptNamesFileAndLine() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let script = try shell.home.write("echo ok\nif true; then echo )\n", to: "bad.sh")
        let result = try shell.run([script.path])
        #expect(result.status == 2)
        #expect(result.stdout == "ok\n")
        #expect(
            result.stderr
                == "lp-shell: \(script.path): line 2: syntax error: expected `fi` but found `)`\n  if true; then echo )\n"
                + "                     ^\n")
    }

    @Test func syntaxErrorLineCountsEarlierCommands() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.command("echo a\n\necho \"b\nc )")
        #expect(result.stdout == "a\n")
        #expect(result.stderr == "lp-shell: line 3: syntax error: unterminated double quote\n  echo \"b\n       ^\n")
    }

    @Test func exitStatus() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.command("echo before; exit 3; echo after")
        #expect(result.status == 3)
        #expect(result.stdout == "before\n")
    }

    @Test func commandNotFound() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.command("nope")
        #expect(result.status == 127)
        #expect(result.stderr == "lp-shell: nope: command not found\n")
        #expect(result.stdout == "")
    }

    @Test func sessionSurvivesARuntimeError() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.run([], input: "nope\ncat /missing-file\necho \"still here $?\"\n")
        #expect(result.stdout == "still here 1\n")
        #expect(result.stderr.hasPrefix("lp-shell: nope: command not found\n"))
        #expect(result.status == 0)
    }

    @Test func syntaxErrorOnStandardInputStopsAsBashDoes() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.run([], input: "echo one\necho )\necho two\n")
        #expect(result.stdout == "one\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("syntax error: unexpected `)`"))
    }

    @Test func unfinishedCommandAtEndOfInput() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.run([], input: "echo one\necho 'open\n")
        #expect(result.stdout == "one\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("unterminated single quote"))
    }
}
