import Foundation
import ShellTestSupport
import Testing

/// lp-shell driven as a user would: `-c`, piped stdin, script files, options.
@Suite("Invocation")
struct InvocationTests {
    @Test func commandString() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.command("echo hi | tr a-z A-Z")
        #expect(result.stdout == "HI\n")
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test func commandStringWithNameAndArguments() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.command("echo \"$0|$1|$2|$#\"", "name", "a b", "c")
        #expect(result.stdout == "name|a b|c|2\n")
    }

    @Test func pastedMultiLineScriptOnStandardInput() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let script = """
            echo "first
            second"
            echo one two |
              tr a-z A-Z
            X=value
            cat <<EOF
            body $X
            EOF
            echo 'it''s' done

            """
        let result = try shell.run([], input: script)
        #expect(result.stdout == "first\nsecond\nONE TWO\nbody value\nits done\n")
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test func pastedPromptIsDroppedWithANote() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.run([], input: "$ echo pasted\n")
        #expect(result.stdout == "pasted\n")
        #expect(result.stderr.hasPrefix("lp-shell: note: dropped the pasted prompt `$`"))
    }

    @Test func scriptFileKeepsALeadingGreaterThanAsARedirection() throws {
        // A script is a program, not a paste: `> f` truncates f as in bash, and `$ x` is a command named `$`.
        let shell = try Shell()
        defer { shell.home.remove() }
        let script = try shell.home.write("cd \"${0%/*}\"\necho hi > f\n> f\necho \"[$(cat f)]\"\n", to: "truncate.sh")
        let result = try shell.run([script.path])
        #expect(result.stdout == "[]\n")
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test func scriptFileWithArguments() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let script = try shell.home.write("echo \"0=$0 1=$1 #=$#\"\nshift\necho \"now $1 $#\"\nexit 4\n", to: "s.sh")
        let result = try shell.run([script.path, "first", "second arg"])
        #expect(result.stdout == "0=\(script.path) 1=first #=2\nnow second arg 1\n")
        #expect(result.status == 4)
    }

    @Test func scriptFileWithCRLFLineEnds() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let script = try shell.home.write("echo one\r\ncat <<EOF\r\ntwo\r\nEOF\r\necho three\r\n", to: "crlf.sh")
        let result = try shell.run([script.path])
        #expect(result.stdout == "one\ntwo\r\nthree\n")
        #expect(result.status == 0)
    }

    @Test func missingScriptFile() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.run(["nope.sh"])
        #expect(result.status == 127)
        #expect(result.stderr == "lp-shell: nope.sh: No such file or directory\n")
    }

    @Test func environmentOptions() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.run(
            ["--env", "A=1", "--env", "B=x y", "--env", "HOME", "-c", "echo \"$A|$B|$HOME\"; sh -c 'echo $A'"])
        #expect(result.stdout == "1|x y|\(shell.home.path)\n1\n")
    }

    @Test func tutorialEnvFile() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let file = try shell.home.write(TutorialEnvFiles.current, to: "lp.env")
        chmod(file.path, 0o600)  // a looser lp.env gets the start-up warning about secret files
        let result = try shell.run([
            "--plain", "--env-file", file.path, "-c", "echo \"[$LP_ACCOUNT]\"; echo \"$LP_JWT\"",
        ])
        #expect(result.stdout == "[\(TutorialEnvFiles.account)]\n\(TutorialEnvFiles.jwt)\n")
        #expect(result.status == 0)
        let warnings = result.stderr.split(separator: "\n")
        #expect(warnings.count == 3)
        #expect(warnings.first?.hasPrefix("lp-shell: warning: \(file.path):1: ") == true)
        #expect(warnings.dropFirst().allSatisfy { $0.contains("not NAME=VALUE") })
        #expect(!result.stderr.contains(TutorialEnvFiles.jwt.prefix(20)))
    }

    @Test func laterEnvOptionsWin() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let file = try shell.home.write("A=file\nB=file\n", to: "a.env")
        let result = try shell.run(["--env-file", file.path, "--env", "B=option", "-c", "echo $A $B"])
        #expect(result.stdout == "file option\n")
    }

    @Test func unreadableEnvFile() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.run(["--env-file", "missing.env", "-c", "echo ran"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "lp-shell: --env-file missing.env: cannot read the file (No such file or directory)\n")
    }

    @Test func versionAndHelp() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let version = try shell.run(["--version"])
        #expect(version.status == 0)
        // A test build is no scripts/install build: it says so instead of naming a commit.
        let developmentBuild = /lp-shell \d+\.\d+\.\d+ \(development build; scripts\/install records the commit\)\n/
        #expect(version.stdout.wholeMatch(of: developmentBuild) != nil, "\(version.stdout)")
        let help = try shell.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("usage: lp-shell"))
        #expect(help.stdout.contains("--env-file FILE"))
        #expect(help.stderr == "")
    }

    @Test func unknownOption() throws {
        let shell = try Shell()
        defer { shell.home.remove() }
        let result = try shell.run(["--bogus"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3, "one message line, one hint line: \(result.stderr)")
        #expect(lines.first == "lp-shell: --bogus: unknown option")
        #expect(lines.dropFirst().first?.contains("lp-shell --help") == true)
    }
}
