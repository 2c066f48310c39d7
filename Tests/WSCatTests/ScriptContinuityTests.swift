import ShellRuntime
import Testing

@testable import ShellBuiltins

/// What a line of a script after `wscat` is: a frame, a slash command, nothing, or the shell command that ends the
/// frames (issue 15, item 4).
struct ScriptLineKindTests {
    @Test(arguments: [
        CorpusFrames.requestConversation, "[1, 2]", "  {", "}", "]", #""a JSON string""#, ",", ":", "[ -1, 2 ]",
        #"[ "a", "b" ]"#, #"{ "kind": "req" }"#, #"{ kind: "req" }"#, "{ ", "[ {", #"{"kind":"req","id":1}"#,
        #"{ "kind""#, #"{"a\"b": 1}"#,
    ])
    func framesOutsideAFrame(line: String) {
        #expect(ScriptLineKind.of(line, inFrame: false) == .frame)
    }

    @Test(arguments: [
        #"curl -s -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/signup | jq -r .jwt"#,
        "LP_JWT=`curl -s …`", "echo $LP_CONV_ID", "export X=1", "./set_site_property.sh", "$EDITOR x", "true",
        "plain text", "42", "/usr/bin/curl -s https://x", #"[ -n "$LP_CONV_ID" ] && echo ok"#, "[[ $X ]]",
        "[ ! -f lp.env ]", #"[ "$X" = y ]"#, "{ echo a; echo b; } > out",
        // The agent page's skill-list line: a curl command without `curl`, in braces (the shell explains it).
        #" { "https://$LP_ACCOUNTCONFIGREADONLY/api/account/$LP_ACCOUNT/configuration/le-users/skills?v=2.0" -H "Authorization: Bearer $LP_BEARER" }"#,
    ])
    func shellCommandsOutsideAFrame(line: String) {
        #expect(ScriptLineKind.of(line, inFrame: false) == .shell)
    }

    @Test func slashCommandsBlankLinesAndComments() {
        #expect(ScriptLineKind.of("/wait 3", inFrame: false) == .command)
        #expect(ScriptLineKind.of("  /close", inFrame: false) == .command)
        #expect(ScriptLineKind.of("/close", inFrame: true) == .command)
        #expect(ScriptLineKind.of("", inFrame: false) == .nothing)
        #expect(ScriptLineKind.of(" \t", inFrame: false) == .nothing)
        #expect(ScriptLineKind.of("# then publish", inFrame: false) == .nothing)
    }

    /// Inside a frame the docs print over several lines (TABs, a lone `}`, unquoted keys, placeholders), every
    /// line continues it; only a line no JSON continues with ends it.
    @Test(arguments: [
        "}", "\t}", "\t\"kind\": \"req\",", "\t\"body\": {", "]", "", "true", "null,", "-1", "kind: \"req\",",
        "dialogId : \"x\"", "__SEQUENCE__", "<Base64Image>", "\t[ __SEQUENCE__ ]",
    ])
    func linesThatContinueAnOpenFrame(line: String) {
        #expect(ScriptLineKind.of(line, inFrame: true) == .frame)
    }

    @Test(arguments: ["curl -s https://x", "echo done", "LP_X=1", "$CMD", "./run.sh", "wscat -c wss://x"])
    func shellCommandsEndAnOpenFrame(line: String) {
        #expect(ScriptLineKind.of(line, inFrame: true) == .shell)
    }
}

/// `wscat` in a script against the plain-NIO test server: the frames end at the first shell command, which the
/// shell then runs, whether or not the server closed the socket first.
struct ScriptContinuityTests {
    private func withServer(_ body: (TestWebSocketServer) async throws -> Void) async throws {
        try await TestWebSocketServer.with(body)
    }

    /// A pasted page needs no `/close`: the frames (one spread over lines, with blank lines and a comment between)
    /// are sent, the socket closes normally at the first shell command, and that command and the rest are the
    /// shell's.
    @Test func aShellCommandEndsTheFramesAndGoesBackToTheShell() async throws {
        try await withServer { server in
            let script = [
                #"{"kind":"req","id":1}"#, "", "# the docs' frame, pretty-printed", "{", "\t\"kind\": \"req\",",
                "\t\"id\": 2", "}", "curl -s https://example.invalid/", "echo after",
            ]
            let result = await WSCatHarness.run([server.url("/echo"), "-w", "0.3"], script: script)
            #expect(result.status == .success, "\(result.stderr)")
            #expect(server.received == [#"{"kind":"req","id":1}"#, #"{"kind":"req","id":2}"#])
            #expect(result.remainingScript == ["curl -s https://example.invalid/", "echo after"])
            #expect(
                result.stderr
                    == "wscat: note: 'curl -s https://example.invalid/' is a shell command: closing the socket, "
                    + "back to the shell\nwscat: disconnected: 1000 normal closure\n")
        }
    }

    /// A shell command inside a frame left open (a page that lost its `}`) ends it: the frame is reported, not sent.
    @Test func aShellCommandEndsAFrameLeftOpen() async throws {
        try await withServer { server in
            let script = ["{", "\t\"kind\": \"req\",", "\t\"id\": 1,", "echo after"]
            let result = await WSCatHarness.run([server.url("/echo"), "-w", "0.3"], script: script)
            #expect(result.status == .failure, "an unsent frame fails wscat")
            #expect(server.received.isEmpty)
            #expect(result.remainingScript == ["echo after"])
            #expect(result.stderr.contains("wscat: incomplete frame: "), "\(result.stderr)")
            #expect(result.stderr.contains("'echo after' is a shell command: closing the socket"))
        }
    }

    /// The server drops the connection (1006) while `/wait` waits: the frames after it cannot be sent and are said
    /// to be unsent; the shell goes on with the first shell command, not with the frames.
    @Test func aServerCloseGivesTheRestBackToTheShell() async throws {
        try await withServer { server in
            let script = [
                #"{"n":1}"#, "/wait 5", #"{"n":2}"#, "{", "\t\"n\": 3", "}", "echo after", "echo more",
            ]
            let result = await WSCatHarness.run([server.url("/drop/200")], script: script)
            #expect(result.status == .failure)
            #expect(server.received == [#"{"n":1}"#])
            #expect(result.remainingScript == ["echo after", "echo more"])
            #expect(result.stderr.contains("1006 connection lost"), "\(result.stderr)")
            #expect(
                result.stderr.contains(
                    "wscat: note: the socket closed: 4 more lines for it not sent; the shell goes on with 'echo after'\n"
                ), "\(result.stderr)")
        }
    }

    /// Its `/close` belongs to wscat too: what follows it is the shell's.
    @Test func aServerCloseSkipsUpToTheSocketsOwnClose() async throws {
        try await withServer { server in
            let script = [#"{"n":1}"#, "/wait 5", #"{"n":2}"#, "/close", #"{"after":"close"}"#, "echo after"]
            let result = await WSCatHarness.run([server.url("/drop/200")], script: script)
            #expect(result.remainingScript == [#"{"after":"close"}"#, "echo after"])
            #expect(result.stderr.contains("wscat: note: the socket closed: 2 more lines for it not sent\n"))
        }
    }

    /// A close right after the upgrade (4401), whenever it is noticed: the shell always goes on at the same line.
    @Test func aCloseRightAfterTheUpgradeLeavesTheSameLinesToTheShell() async throws {
        try await withServer { server in
            let script = [#"{"n":1}"#, #"{"n":2}"#, "echo after"]
            let result = await WSCatHarness.run([server.url("/close/4401")], script: script)
            #expect(result.status == .failure)
            #expect(result.remainingScript == ["echo after"], "\(result.stderr)")
            #expect(result.stderr.contains("disconnected: 4401"), "\(result.stderr)")
        }
    }

    /// No socket at all (the upgrade refused): the frames meant for it are not run as shell commands either.
    @Test func aRefusedUpgradeLeavesTheShellCommandsToTheShell() async throws {
        try await withServer { server in
            let script = [#"{"n":1}"#, "", "echo after"]
            let result = await WSCatHarness.run([server.url("/refuse")], script: script)
            #expect(result.status == .failure)
            #expect(result.remainingScript == ["echo after"])
            #expect(
                result.stderr.hasSuffix(
                    "wscat: note: there is no socket: 1 more line for it not sent; the shell goes on with 'echo after'\n"
                ), "\(result.stderr)")
        }
    }

    /// A heredoc or a pipe is all frames, plain text included: only a script's lines end at a shell command.
    @Test func redirectedInputKeepsPlainTextFrames() async throws {
        try await withServer { server in
            let result = await WSCatHarness.run(
                [server.url("/echo"), "-w", "0.3"], script: ["echo mine"], stdin: "echo this\n{\"a\":1}\n")
            #expect(server.received == ["echo this", #"{"a":1}"#])
            #expect(result.remainingScript == ["echo mine"])
            #expect(!result.stderr.contains("shell command"), "\(result.stderr)")
        }
    }
}
