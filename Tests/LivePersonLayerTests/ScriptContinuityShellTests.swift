import Foundation
import ShellTestSupport
import Testing

/// A page's wscat command and frames pasted into a script with the shell commands after them (issue 15, item 4):
/// the frames end at the first shell command, which runs, and so do the ones after a socket the server closed
/// (4401 here). The same in a script file, on standard input and in `-c`.
@Suite("Script continuity after wscat")
struct ScriptContinuityShellTests {
    static let socket = #"-c "wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3""#
    static let page = [
        #"J=`curl -s -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/signup | jq -r .jwt`"#,
        #"wscat -H "Authorization:jwt $J" "# + socket,
        #"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#,
        #"echo "first: $?""#,
        #"wscat -H "Authorization:jwt not-a-token" "# + socket,
        "/wait 5",
        #"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#,
        "{", "\t\"kind\": \"req\",", "\t\"id\": 2,", "\t\"type\": \"cm.ConsumerRequestConversation\"", "}",
        #"echo "second: $?""#,
    ]

    enum Form: String, CaseIterable, Sendable {
        case file, stdin, command
    }

    @Test(arguments: Form.allCases)
    func shellCommandsAfterTheFramesRun(form: Form) async throws {
        let session = try Session()
        defer { session.remove() }
        let text = Self.page.joined(separator: "\n") + "\n"
        let result: ProcessResult
        switch form {
        case .file:
            try text.write(to: session.work.appendingPathComponent("page.sh"), atomically: true, encoding: .utf8)
            result = try await session.run(["--sandbox", "page.sh"])
        case .stdin:
            result = try await session.run(["--sandbox"], input: text)
        case .command:
            result = try await session.run(["--sandbox", "-c", text])
        }
        #expect(!result.timedOut && !result.crashed, "\(result)")
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3, "\(result)")
        #expect(lines.first?.contains(#""type":"cm.RequestConversationResponse""#) == true, "\(result)")
        #expect(Array(lines.dropFirst()) == ["first: 0", "second: 1"], "\(result)")
        #expect(
            result.stderr.contains(
                #"wscat: note: 'echo "first: $?"' is a shell command: closing the socket, back to the shell"#),
            "\(result)")
        #expect(result.stderrCount("wscat: disconnected: 1000 normal closure") == 1, "\(result)")
        #expect(result.stderr.contains("wscat: disconnected: 4401"), "\(result)")
        #expect(
            result.stderr.contains(
                #"wscat: note: the socket closed: 6 more lines for it not sent; the shell goes on with 'echo "second: $?"'"#
            ), "\(result)")
        #expect(!result.stderr.contains("command not found"), "no frame ran as a command: \(result)")
    }

    /// No socket (nothing listens): the frames are passed over, the shell goes on, and an error after them names
    /// its own line (line 5, as `bash -n` says), the lines wscat read included.
    @Test func linesAfterAFailedConnectionRunWithTheirOwnLineNumbers() async throws {
        let session = try Session()
        defer { session.remove() }
        let text = ["echo before", "wscat -c ws://127.0.0.1:1/", #"{"kind":"req","id":1}"#, "echo after", "echo 'open"]
        try (text.joined(separator: "\n") + "\n").write(
            to: session.work.appendingPathComponent("page.sh"), atomically: true, encoding: .utf8)
        let result = try await session.run(["--plain", "page.sh"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout == "before\nafter\n", "\(result)")
        #expect(
            result.stderr.contains(
                "wscat: note: there is no socket: 1 more line for it not sent; the shell goes on with 'echo after'"),
            "\(result)")
        #expect(result.stderr.contains("page.sh: line 5: syntax error: unterminated single quote"), "\(result)")
    }

    /// `tutorial` in a pasted script takes its answers from the script's next lines (it read stdin beside the
    /// shell's reader, found nothing, and the answers then ran as commands: `q: command not found`).
    @Test func tutorialInAScriptTakesItsAnswersFromTheScript() async throws {
        let session = try Session()
        defer { session.remove() }
        let result = try await session.sandbox(["tutorial", "true", "", "q", "echo after"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("tutorial: ✗ LP_EXT_JWT is empty"), "\(result)")
        #expect(result.stdout.contains("✓ step 1 done"), "the blank answer ran the doc's command: \(result)")
        #expect(!result.stderr.contains("command not found"), "\(result)")
        #expect(result.stdout.hasSuffix("after\n"), "\(result)")
    }
}
