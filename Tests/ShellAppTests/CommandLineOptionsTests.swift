import OptionParsing
import ShellRuntime
import Testing

@testable import ShellApp

/// `lp-shell` argument parsing.
@Suite("Command-line options")
struct CommandLineOptionsTests {
    func parse(_ arguments: [String]) throws -> CommandLineOptions {
        try CommandLineOptions.parse(arguments)
    }

    @Test func noArgumentsReadsStandardInput() throws {
        let options = try parse([])
        #expect(options.mode == .standardInput)
        #expect(options.scriptName == "lp-shell")
        #expect(options.arguments.isEmpty)
    }

    @Test func commandWithNameAndArguments() throws {
        #expect(try parse(["-c", "echo hi"]).mode == .command("echo hi"))
        let options = try parse(["-c", "echo $0 $1", "name", "a", "-x"])
        #expect(options.mode == .command("echo $0 $1"))
        #expect(options.scriptName == "name")
        #expect(options.arguments == ["a", "-x"])
    }

    @Test func commandFirstIsTheTablesAnswer() throws {
        for arguments in [
            ["-c", "true"], ["-c", ""], ["-c", "echo $0", "name"], ["-c", "echo $@", "name", "a", "--env", "-c"],
            ["-c", "--help"], ["-c", "-c", "-c"],
        ] {
            #expect(try parse(arguments) == CommandLineOptions.parseWithTable(arguments), "\(arguments)")
        }
    }

    @Test func scriptWithArguments() throws {
        let options = try parse(["run.sh", "a", "--env", "b"])
        #expect(options.mode == .script("run.sh"))
        #expect(options.scriptName == "run.sh")
        #expect(options.arguments == ["a", "--env", "b"])
        #expect(options.environmentAssignments.isEmpty)
        #expect(try parse(["--", "-odd.sh", "x"]).mode == .script("-odd.sh"))
    }

    @Test func environmentOptionsInOrder() throws {
        let options = try parse([
            "--env", "A=1", "-e", "B", "--env=C=3", "--env-file", "a.env", "--env-file=b.env",
            "-c", "true",
        ])
        #expect(options.environmentAssignments == ["A=1", "B", "C=3"])
        #expect(options.environmentFiles == ["a.env", "b.env"])
        #expect(options.mode == .command("true"))
    }

    @Test func flags() throws {
        let options = try parse(["--sandbox", "--offline"])
        #expect(options.forceSandbox)
        #expect(options.offline)
        #expect(try parse(["--help"]).mode == .help)
        #expect(try parse(["-h"]).mode == .help)
        #expect(try parse(["--version"]).mode == .version)
    }

    @Test func sandboxSubcommandTakesTheRest() throws {
        #expect(try parse(["sandbox", "--port", "9000", "-c"]).mode == .sandbox(["--port", "9000", "-c"]))
        // Only as the first argument: elsewhere it is a script name.
        #expect(try parse(["--offline", "sandbox"]).mode == .script("sandbox"))
    }

    @Test(arguments: [
        (["--bogus"], "--bogus: unknown option"),
        (["-x", "-c", "true"], "-x: unknown option"),
        (["-c"], "-c: missing value"),
        (["--env"], "--env: missing value"),
        (["--env-file"], "--env-file: missing value"),
    ])
    func usageErrors(arguments: [String], message: String) {
        #expect(throws: UsageError.self) { try CommandLineOptions.parse(arguments) }
        do {
            _ = try CommandLineOptions.parse(arguments)
        } catch {
            #expect(error.defaultMessage == message)
        }
    }

    @Test func parseOnlyPlainAndBundledFlags() throws {
        let options = try parse(["--plain", "-n", "script.sh"])
        #expect(options.plain && options.parseOnly)
        #expect(options.mode == .script("script.sh"))
        let bundled = try parse(["-nc", "echo hi"])
        #expect(bundled.parseOnly)
        #expect(bundled.mode == .command("echo hi"))
    }

    @Test func sandboxSettingsPassThrough() throws {
        let options = try parse(["--ext-token-ttl", "30s", "--no-bot", "--data=/tmp/d", "-c", "true"])
        #expect(options.sandboxArguments == ["--ext-token-ttl", "30s", "--no-bot", "--data", "/tmp/d"])
    }

    @Test func usageMentionsEveryOption() {
        for option in ["-c COMMAND", "--env K=V", "--env-file FILE", "--sandbox", "--offline", "--version", "--help"] {
            #expect(CommandLineOptions.usage.contains(option), "\(option)")
        }
        #expect(CommandLineOptions.table.undocumentedOptions(in: CommandLineOptions.usage).isEmpty)
        #expect(CommandLineOptions.usage.contains("[-n]"))
    }
}
