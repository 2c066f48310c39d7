import OptionParsing
import ShellRuntime
import Testing

@testable import Base64Codec
@testable import LivePersonSession
@testable import ShellBuiltins

struct WSCatOptionsTests {
    @Test func acceptsTheTutorialLineVerbatim() throws {
        // shared/corpus/tutorial-commands.jsonl seq 3, after the shell expanded the variables.
        let options = try WSCatOptions.parse([
            "-k", "60", "-H", "Authorization:jwt eyJhbGciOi.eyJzdWIi.c2ln", "-c",
            "wss://127.0.0.1:8443/ws_api/account/sandbox/messaging/consumer?v=3",
        ])
        #expect(options.keepalive == 60)
        #expect(options.headers == [.init(name: "Authorization", value: "jwt eyJhbGciOi.eyJzdWIi.c2ln")])
        #expect(options.url == "wss://127.0.0.1:8443/ws_api/account/sandbox/messaging/consumer?v=3")
    }

    @Test func everyFlag() throws {
        let options = try WSCatOptions.parse([
            "--connect=ws://h/x", "--header", "A: b", "-HC:d", "--keepalive", "1.5", "-r", "-P", "-m", "hello",
            "-x", "one", "--execute", "two", "-w", "2", "-n", "--ca", "ca.pem", "-s", "chat", "--subprotocol=v2",
            "-o", "http://origin", "--auth", "user:pass", "--connect-timeout", "3", "--raw", "--timestamp",
            "--no-color",
        ])
        #expect(options.url == "ws://h/x")
        #expect(options.headers == [.init(name: "A", value: "b"), .init(name: "C", value: "d")])
        #expect(options.keepalive == 1.5)
        #expect(options.retry && options.parseCommands && options.noCheck && options.raw && options.timestamps)
        #expect(options.noColor)
        #expect(options.messages == ["hello"])
        #expect(options.execute == ["one", "two"])
        #expect(options.wait == 2)
        #expect(options.caFile == "ca.pem")
        #expect(options.subprotocols == ["chat", "v2"])
        #expect(options.origin == "http://origin")
        #expect(options.auth == "user:pass")
        #expect(options.connectTimeout == 3)
    }

    @Test func positionalURLAndBundledBooleans() throws {
        let options = try WSCatOptions.parse(["-rn", "localhost:9000/socket"])
        #expect(options.retry && options.noCheck)
        #expect(options.url == "ws://localhost:9000/socket")
    }

    @Test func headerForms() throws {
        #expect(try WSCatOptions.header("Authorization:jwt abc") == .init(name: "Authorization", value: "jwt abc"))
        #expect(try WSCatOptions.header("Authorization: jwt abc") == .init(name: "Authorization", value: "jwt abc"))
        #expect(
            try WSCatOptions.header("Client-Properties:{\"a\":1}")
                == .init(name: "Client-Properties", value: "{\"a\":1}"))
        #expect(throws: UsageError.self) { try WSCatOptions.header("no colon") }
        #expect(throws: UsageError.self) { try WSCatOptions.header("bad name:x") }
    }

    @Test(arguments: [
        (["-z", "ws://h"], "unknown option '-z' (try wscat --help)"),
        (["-k"], "option '-k' needs an argument (try wscat --help)"),
        (["-k", "abc", "ws://h"], "option '-k': expected a number of seconds, got 'abc'"),
        (["-k", "0", "ws://h"], "option '-k': expected a number of seconds, got '0'"),
        (["-H", "oops", "ws://h"], "-H 'oops': a header is Name:value"),
        ([String](), "a URL is required: wscat -c wss://host/path (try wscat --help)"),
        (["http://h"], "'http://h': the URL must start with ws:// or wss://"),
        (
            ["wss:///ws_api/account/x"],
            "'wss:///ws_api/account/x': the URL has no host (is a variable such as $LP_ASYNCMESSAGINGENT empty?)"
        ),
        (["ws://a", "ws://b"], "unexpected argument 'ws://b' (one URL, frames go with -x)"),
        (["--auth", "nocolon", "ws://h"], "--auth: expected user:password, got 'nocolon'"),
        (["-l", "8080"], "option '-l': listen mode is not supported (lp-shell's wscat is a client)"),
        (["--raw=1", "ws://h"], "option '--raw' takes no argument"),
    ])
    func badFlags(arguments: [String], message: String) {
        #expect(throws: UsageError.self) { try WSCatOptions.parse(arguments) }
        do {
            _ = try WSCatOptions.parse(arguments)
        } catch {
            #expect(WSCatOptions.table.message(for: error) == "wscat: \(message)\n")
        }
    }

    @Test func helpListsEveryOption() {
        #expect(WSCatOptions.table.undocumentedOptions(in: MessagingWSCat.usage).isEmpty)
        #expect(MessagingWSCat.usage.contains("  -P, --parsecommands, --slash\n"))
    }

    @Test func badFlagsExitWithStatus2AndOneLine() async {
        let result = await WSCatHarness.run(["--bogus", "ws://127.0.0.1:1/"])
        #expect(result.status == .usage)
        #expect(result.stderr == "wscat: unknown option '--bogus' (try wscat --help)\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func urlParts() throws {
        let url = try #require(WebSocketURL("wss://127.0.0.1:8443/ws_api/account/a/messaging/consumer?v=3"))
        #expect(url.secure && url.host == "127.0.0.1" && url.port == 8443 && url.hostIsIPAddress)
        #expect(url.target == "/ws_api/account/a/messaging/consumer?v=3")
        #expect(url.hostHeader == "127.0.0.1:8443")
        let plain = try #require(WebSocketURL("ws://example.com?x=1"))
        #expect(!plain.secure && plain.port == 80 && plain.target == "/?x=1" && plain.hostHeader == "example.com")
        let v6 = try #require(WebSocketURL("wss://[::1]:9/"))
        #expect(v6.host == "::1" && v6.port == 9 && v6.hostHeader == "[::1]:9")
        #expect(WebSocketURL("ws://h:99999/") == nil)
    }

    @Test func base64ForAuth() {
        #expect(Base64Coding.encode(Array("user:pass".utf8)) == "dXNlcjpwYXNz")
        #expect(Base64Coding.encode(Array("a".utf8)) == "YQ==")
        #expect(Base64Coding.encode(Array("ab".utf8)) == "YWI=")
    }
}
