import Foundation
import ShellTestSupport
import Testing

/// Issue 15 item 1 through the built lp-shell: a second `step 3` after a new token publishes into the new
/// conversation, and the tutorials' placeholders in shell lines are filled from the session or named.
@Suite("placeholders in the shell")
struct PlaceholderShellTests {
    /// The issue's reproduction: `lp-shell --sandbox -c 'step 1; step 2; step 3; step 1; step 2; step 3'`.
    @Test func aSecondStep3NeverPublishesIntoTheFirstConversation() async throws {
        let session = try Session()
        defer { session.remove() }
        let result = try await session.run(
            [
                "--sandbox", "-c",
                "step 1; step 2; step 3; \(probe("LP_CONV_ID")); step 1; step 2; step 3; \(probe("LP_CONV_ID"))",
            ],
            timeout: 90)
        #expect(!result.timedOut && !result.crashed, "\(result)")
        #expect(!result.stderr.contains("belongs to another consumer"), "\(result)")
        #expect(result.stderrCount("step 3 ✓") == 2, "\(result)")
        let conversations = result.stdout.split(separator: "\n").filter { $0.hasPrefix("LP_CONV_ID=") }
        #expect(conversations.count == 2 && conversations[0] != conversations[1], "\(result)")
        let second = String(conversations.last?.dropFirst("LP_CONV_ID=".count) ?? "")
        #expect(result.stderr.contains("replaced __YOUR_CONVERSATION_ID__ with \(second) ($LP_CONV_ID)"), "\(result)")
        let first = String(conversations.first?.dropFirst("LP_CONV_ID=".count) ?? "")
        #expect(result.stderr.contains("a new conversation is requested: \(first) is not filled in any more"))
        #expect(result.status == 0, "\(result)")
    }

    /// A step whose frame the server refuses is not ✓, though the variable its check names was set.
    @Test func aStepWithARefusedFrameIsNotDone() async throws {
        let session = try Session()
        defer { session.remove() }
        let folder = session.root.url.appendingPathComponent("data/lp-shell/tutorials")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tutorial = """
            # Refused frame
            name: refused
            source: test
            needs: LP_ACCOUNT
            summary: A frame the server refuses.

            ## 1. Token
            explain: A consumer token.
            run: LP_JWT=`curl -s -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/signup | jq -r .jwt`
            check: jwt LP_JWT

            ## 2. Publish elsewhere
            explain: A publish into a dialog that is not the consumer's.
            run: wscat -H "Authorization:jwt $LP_JWT" -c "wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3"
            frame: {"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}
            frame: {"kind":"req","id":2,"type":"ms.PublishEvent","body":{"dialogId":"not-a-conversation","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi"}}}
            check: set LP_CONV_ID

            """
        try tutorial.write(to: folder.appendingPathComponent("refused.tutorial"), atomically: true, encoding: .utf8)
        let result = try await session.sandbox([
            "tutorial use refused", "step 1 >/dev/null", "step 2", "echo status=$?",
        ])
        #expect(!result.crashed, "\(result)")
        #expect(result.stderr.contains("step: LP_CONV_ID set"), "\(result)")
        #expect(
            result.stderr.contains(
                "step: ✗ the server refused request #2 ms.PublishEvent: 404 Dialog not-a-conversation not found"),
            "\(result)")
        #expect(!result.stderr.contains("step 2 ✓"))
        #expect(result.stdout.hasSuffix("status=1\n"), "\(result)")
    }

    @Test func placeholdersInShellLinesAreFilledOrNamed() async throws {
        let session = try Session()
        defer { session.remove() }
        let result = try await session.sandbox([
            "echo account=__ACCOUNT__", "LP_TUS=__temp_url_sig__", "echo status=$? tus=${LP_TUS-unset}",
            "LP_TUS=abc", "echo \"https://x/?temp_url_sig=__temp_url_sig__\"",
        ])
        #expect(!result.crashed, "\(result)")
        #expect(result.stdout.contains("account=sandbox\n"), "\(result)")
        #expect(result.stderr.contains("lp-shell: note: replaced __ACCOUNT__ with sandbox ($LP_ACCOUNT)"), "\(result)")
        #expect(
            result.stderr.contains(
                "lp-shell: __temp_url_sig__: no value yet: send {\"kind\":\"req\",\"id\":\"3\""), "\(result)")
        #expect(result.stderr.contains("(not run)"))
        #expect(result.stdout.contains("status=1 tus=unset\n"), "\(result)")
        #expect(result.stdout.contains("https://x/?temp_url_sig=abc\n"), "\(result)")
    }
}
