import OptionParsing
import Testing

@testable import LivePersonSandbox

struct ConfigurationTests {
    @Test func defaults() throws {
        let configuration = try SandboxConfiguration.parse(arguments: [])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8443)
        #expect(configuration.externalTokenTTL == .seconds(600))
        #expect(configuration.refreshWindow == .seconds(730 * 3600))
        #expect(configuration.botReplyDelay == .milliseconds(300))
    }

    @Test func parsesEveryOption() throws {
        let configuration = try SandboxConfiguration.parse(arguments: [
            "--host", "::1", "--port=0", "--ca-dir", "/tmp/x", "--ext-token-ttl", "30s", "--refresh-window", "2h",
            "--bot-delay", "0ms", "--account", "le123", "--rate-limit", "10", "--no-bot",
        ])
        #expect(configuration.host == "::1")
        #expect(configuration.port == 0)
        #expect(configuration.caDirectory == "/tmp/x")
        #expect(configuration.externalTokenTTL == .seconds(30))
        #expect(configuration.refreshWindow == .seconds(7200))
        #expect(configuration.botReplyDelay == .zero)
        #expect(configuration.defaultAccount == "le123")
        #expect(configuration.requestsPerSecond == 10)
        #expect(!configuration.botEnabled)
    }

    @Test func dataDirectoryHoldsTheKeysUnlessCADirSaysOtherwise() throws {
        let data = try SandboxConfiguration.parse(arguments: ["--data", "/tmp/d"])
        #expect(data.dataDirectory == "/tmp/d")
        #expect(data.resolvedCADirectory(environment: ["HOME": "/home/u"]) == "/tmp/d")
        let both = try SandboxConfiguration.parse(arguments: ["--data=/tmp/d", "--ca-dir", "/tmp/k"])
        #expect(both.resolvedCADirectory(environment: [:]) == "/tmp/k")
        #expect(try SandboxConfiguration.parse(arguments: []).dataDirectory == nil)
        #expect(throws: UsageError.invalid("empty directory", spelling: "--data")) {
            try SandboxConfiguration.parse(arguments: ["--data", ""])
        }
    }

    @Test(arguments: [
        (["--port", "x"], "lp-shell sandbox: --port: not a port number: 'x'"),
        (["--port", "70000"], "lp-shell sandbox: --port: not a port number: '70000'"),
        (["--port"], "lp-shell sandbox: --port: missing value"),
        (
            ["--ext-token-ttl", "30"],
            "lp-shell sandbox: --ext-token-ttl: not a duration: '30' (use e.g. 300ms, 30s, 10m, 730h)"
        ),
        (["--bogus"], "lp-shell sandbox: unknown option '--bogus' (see lp-shell sandbox --help)"),
        (["extra"], "lp-shell sandbox: unexpected argument 'extra' (see lp-shell sandbox --help)"),
        (["--account", "a/b"], "lp-shell sandbox: --account: not an account id: 'a/b'"),
    ])
    func rejectsBadArguments(arguments: [String], message: String) {
        #expect(throws: UsageError.self) { try SandboxConfiguration.parse(arguments: arguments) }
        do {
            _ = try SandboxConfiguration.parse(arguments: arguments)
        } catch {
            #expect(SandboxConfiguration.table.message(for: error) == message + "\n")
        }
    }

    /// `--help` is generated from the table, so it lists every option the parser accepts.
    @Test func helpListsEveryOption() {
        #expect(SandboxConfiguration.table.undocumentedOptions(in: SandboxConfiguration.helpText).isEmpty)
        #expect(SandboxConfiguration.helpText.contains("\n      --rate-limit N           requests per second"))
    }

    @Test func badFlagExitsWithUsageStatus() {
        #expect(SandboxCommand.run(arguments: ["--port", "nope"]) == SandboxCommand.Status.usage)
    }

    @Test func exportLinesAreShellQuoted() {
        let lines = SandboxCommand.exportLines([("LP_A", "it's"), ("LP_B", "127.0.0.1:1")])
        #expect(lines == [#"export LP_A='it'\''s'"#, "export LP_B='127.0.0.1:1'"])
    }
}
