import Foundation
import LivePersonSandbox
import ShellTestSupport
import Testing

@testable import OptionParsing
@testable import ShellApp

/// `lp-shell --man-page` and `--completion bash|zsh` come from the option tables `--help` prints: every option is
/// in each, and the real programs (groff, bash, zsh) read what is generated.
@Suite struct ManualPageTests {
    private static let allOptions = CommandLineOptions.table.options + SandboxConfiguration.table.options

    @Test func everyOptionOfBothTablesIsInThePage() {
        let roff = ManualPage.page.roff
        for option in Self.allOptions {
            let names = OptionTable.nameColumn(option).drop { $0 == " " }
            #expect(roff.contains("\\fB" + ManPage.escape(String(names)) + "\\fR"), "\(option.name)")
            let firstLine = option.help.split(separator: "\n").first.map(String.init) ?? ""
            #expect(roff.contains(ManPage.escape(firstLine)), "\(option.name)")
        }
    }

    @Test func roffSpecialCharactersAreEscaped() {
        #expect(ManPage.escape(#"-c a\b"#) == #"\-c a\eb"#)
        #expect(ManPage.escape(".not a request") == #"\&.not a request"#)
        #expect(ManPage.escape("'quote") == #"\&'quote"#)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/groff"), "groff renders the page"))
    func groffRendersThePageWithoutWarnings() throws {
        let result = try ChildProcess.run(
            executable: "/usr/bin/groff", arguments: ["-man", "-Tascii", "-ww", "-P-c", "-P-b", "-P-u"],
            stdin: Array(ManualPage.page.roff.utf8), environment: nil, directory: nil, timeout: 30)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        for line in ["       --env-file FILE", "SANDBOX OPTIONS (lp-shell sandbox)", "       --ca-dir DIR"] {
            #expect(result.stdout.contains(line + "\n"), "\(line)")
        }
    }

    /// Runs the bash completion function on `words` (the last one being completed) and returns COMPREPLY.
    private func bashCompletions(_ words: [String], in directory: TemporaryDirectory) throws -> [String] {
        let script = try directory.write(ManualPage.completionScript(for: "bash") ?? "", to: "lp-shell.bash")
        let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
        let program = """
            source '\(script.path)'
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
            _lp_shell
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try ChildProcess.run(
            executable: "/bin/bash", arguments: ["--norc", "--noprofile", "-c", program], stdin: nil,
            environment: ["PATH": "/usr/bin:/bin"], directory: directory.url, timeout: 30)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesOptionsValuesAndTheSandboxSubcommand() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("", to: "lp.env")
        try FileManager.default.createDirectory(atPath: directory.path + "/keys", withIntermediateDirectories: false)
        #expect(try bashCompletions(["lp-shell", "--en"], in: directory) == ["--env", "--env-file"])
        #expect(try bashCompletions(["lp-shell", "--completion", ""], in: directory) == ["bash", "zsh"])
        #expect(try bashCompletions(["lp-shell", "--env-file", "lp."], in: directory) == ["lp.env"])
        #expect(try bashCompletions(["lp-shell", "sa"], in: directory) == ["sandbox"])
        #expect(try bashCompletions(["lp-shell", "sandbox", "--ca"], in: directory) == ["--ca-dir"])
        #expect(try bashCompletions(["lp-shell", "sandbox", "--ca-dir", "k"], in: directory) == ["keys"])
        #expect(try bashCompletions(["lp-shell", "-c", ""], in: directory).isEmpty)
    }

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh"), "zsh is installed (.ci/run installs it)"))
    func zshReadsTheCompletionScript() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try directory.write(ManualPage.completionScript(for: "zsh") ?? "", to: "_lp-shell")
        let syntax = try ChildProcess.run(
            executable: "/usr/bin/zsh", arguments: ["-n", script.path], stdin: nil, environment: nil, directory: nil,
            timeout: 30)
        #expect(syntax.status == 0 && syntax.stderr.isEmpty, "\(syntax)")
        // compinit finds the function on fpath and binds it to the command.
        let program = """
            fpath=('\(directory.path)' $fpath); autoload -U compinit; compinit -u -d '\(directory.path)/dump'
            print -r -- $_comps[lp-shell]
            """
        let loaded = try ChildProcess.run(
            executable: "/usr/bin/zsh", arguments: ["-f", "-c", program], stdin: nil, environment: nil,
            directory: nil, timeout: 30)
        #expect(loaded.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "_lp-shell", "\(loaded)")
    }

    @Test func theVersionNamesTheCommitOnlyWhenTheBuildIDCarriesOne() {
        let commit = "4021d44f9bc1e0f2d3a4b5c6d7e8f90112233445"
        var bytes = Array("lpsh".utf8)
        var index = commit.startIndex
        while index < commit.endIndex {
            let next = commit.index(index, offsetBy: 2)
            bytes.append(UInt8(commit[index..<next], radix: 16)!)
            index = next
        }
        #expect(BuildInfo.source(buildID: bytes) == .init(commit: commit, modified: false))
        bytes[3] = UInt8(ascii: "d")
        #expect(BuildInfo.source(buildID: bytes) == .init(commit: commit, modified: true))
        bytes[3] = UInt8(ascii: "x")
        #expect(BuildInfo.source(buildID: bytes) == nil)
        #expect(BuildInfo.source(buildID: Array(bytes.dropFirst(4))) == nil)  // the linker's own 20-byte hash
        #expect(BuildInfo.source(buildID: []) == nil)
    }
}
