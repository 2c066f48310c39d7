import Foundation
import ShellTestSupport
import Testing

/// `save` writes an lp.env (0600) that `--env-file` and `load` read back.
@Suite("save and load")
struct SaveLoadTests {
    @Test func saveThenEnvFileThenLoad() async throws {
        let session = try Session()
        defer { session.remove() }
        let first = try await session.sandbox(["step 1", "step 2", "MY_NOTE=kept", "export LP_COLOR=blue", "save"])
        #expect(first.status == 0, "\(first)")
        #expect(first.stderr.contains("saved 3 variables to lp.env (mode 0600)"), "\(first)")

        let file = session.work.appendingPathComponent("lp.env").path
        #expect(try permissions(of: file) == 0o600)
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        let names = saved.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap {
            $0.split(separator: "=").first
        }
        #expect(names.sorted() == ["LP_COLOR", "LP_EXT_JWT", "LP_JWT"], "service hosts and non-LP variables left out")
        let jwt = try #require(
            saved.split(separator: "\n").first { $0.hasPrefix("LP_JWT=") }.map { String($0.dropFirst(7)) })
        #expect(JWTClaims(jwt)?.isUnexpired == true)

        // A new lp-shell started with --env-file has the variables back, and the token still opens a conversation
        // (the sandbox keeps its signing key under XDG_DATA_HOME).
        let frame = #"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#
        let second = try await session.run([
            "--env-file", "lp.env", "-c",
            probe("LP_JWT") + "; " + probe("LP_COLOR") + "; "
                + #"wscat -H "Authorization:jwt $LP_JWT" -x '\#(frame)' -w 1 "wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3""#,
        ])
        #expect(second.status == 0, "\(second)")
        #expect(second.probe("LP_JWT") == jwt)
        #expect(second.probe("LP_COLOR") == "blue")
        #expect(second.stdout.contains(#""type":"cm.RequestConversationResponse""#), "\(second)")
        #expect(!second.stderr.contains(String(jwt.suffix(20))), "the token is never printed in clear on stderr")

        // `load FILE` in a running shell.
        let third = try await session.sandbox([probe("LP_JWT"), "load lp.env", "echo status=$?", probe("LP_JWT")])
        #expect(third.stdout.hasPrefix("LP_JWT=\nstatus=0\nLP_JWT=\(jwt)\n"), "\(third)")
        #expect(third.stderr.contains(#/loaded 3 variables: (LP_\w+ ?){3}\n/#), "\(third)")
        #expect(third.status == 0)
    }

    /// The tutorials' lp.env sample (corpus seq 7: TAB + prose after the value, `*` bullets) with `load`.
    @Test func loadTheTutorialSample() async throws {
        let session = try Session()
        defer { session.remove() }
        let sample = try Corpus.text(Corpus.envSample)
        try session.root.write(sample, to: "work/lp.env")
        let result = try await session.run(
            ["--plain"], input: "load lp.env\n" + probe("LP_ACCOUNT") + "\n" + probe("LP_JWT") + "\nload nope.env\n")
        #expect(result.probe("LP_ACCOUNT") == TutorialEnvFiles.account, "\(result)")
        #expect(result.probe("LP_JWT") == TutorialEnvFiles.jwt)
        #expect(result.stderr.contains("loaded 2 variables: LP_ACCOUNT LP_JWT"), "\(result)")
        #expect(result.stderrCount("load: warning: lp.env:") == 3, "\(result)")
        #expect(result.stderr.contains("load: nope.env: No such file or directory"))
        #expect(result.status == 1)
    }
}
