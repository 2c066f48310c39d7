import Foundation
import ShellTestSupport
import Testing

/// The tutorials' commands pasted verbatim from the corpus into `lp-shell --sandbox` through stdin.
@Suite("Tutorial corpus through stdin")
struct TutorialCorpusTests {
    /// What lp-shell's wscat adds after the docs' frames so the bot's answer is seen before the socket closes.
    static let awaitReply = ["/subscribe", "/wait 3", "/close"]

    /// Closing right after connecting used to wait NIOSSL's 5 s for a TLS close_notify that never came, about
    /// one close in five ("the server did not answer the close frame"): ten closes in a row must all be clean.
    @Test func tenClosesInARowAreAllAnswered() async throws {
        let session = try Session()
        defer { session.remove() }
        let connect =
            #"wscat -H "Authorization:jwt $J" -c "wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3""#
        var lines = [#"J=`curl -s -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/signup | jq -r .jwt`"#]
        for _ in 1...10 { lines += [connect, "/close"] }
        let result = try await session.sandbox(lines)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderrCount("wscat: disconnected: 1000 normal closure") == 10, "\(result)")
        #expect(!result.stderr.contains("did not answer"), "\(result)")
    }

    @Test func seedTutorialVerbatim() async throws {
        let session = try Session()
        defer { session.remove() }
        let lines =
            [
                try Corpus.text(Corpus.seedStep1), probe("LP_EXT_JWT"), try Corpus.text(Corpus.seedStep2),
                probe("LP_JWT"),
            ]
            + (try Corpus.texts([Corpus.wscat, Corpus.requestConversation, Corpus.publish])) + Self.awaitReply
            + [probe("LP_CONV_ID"), "FIRST_EXT=$LP_EXT_JWT", try Corpus.text(Corpus.seedStep4), probe("LP_EXT_JWT")]
        let result = try await session.sandbox(lines)
        #expect(result.status == 0, "\(result)")
        #expect(!result.timedOut && !result.crashed, "\(result)")

        // Step 1: an external (unauthenticated) token for the sandbox account.
        let firstExternal = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("LP_EXT_JWT=") })
        let external = try #require(JWTClaims(String(firstExternal.dropFirst(11))), "\(result)")
        #expect(external.audience == "acc:sandbox")
        #expect(external.isUnexpired)
        #expect(external.lifetime == 600)
        #expect(external.payload["lp.kind"] as? String == "external")

        // Step 2: the docs read $LP_APP_CONN_ID, which only lp-shell sets; it says so once.
        let jwt = try #require(result.probe("LP_JWT").flatMap(JWTClaims.init), "\(result)")
        #expect(jwt.payload["lp.kind"] as? String == "consumer-unauth")
        #expect(jwt.subject == external.subject)
        #expect(jwt.isUnexpired)
        #expect(result.stderrCount("note: $LP_APP_CONN_ID is your LP_CONN_ID") == 1, "\(result)")

        // Step 3 (Getting Started's socket): a conversation, its id captured, the bot's answer.
        let conversation = try #require(result.probe("LP_CONV_ID"), "\(result)")
        #expect(UUID(uuidString: conversation) != nil, "\(result)")
        #expect(result.stdout.contains(#""conversationId":"\#(conversation)""#))
        #expect(result.stdout.contains(#""type":"ms.PublishEventResponse""#))
        #expect(result.stdout.contains(#""message":"echo: hi there""#), "the bot's reply did not arrive: \(result)")
        #expect(result.stderr.contains("replaced __YOUR_CONVERSATION_ID__ with \(conversation)"))
        #expect(result.stderr.contains("wscat: disconnected: 1000 normal closure"), "\(result)")

        // Step 4: the refreshed external token is a new one for the same consumer.
        let refreshedText = try #require(result.probe("LP_EXT_JWT"))
        let refreshed = try #require(JWTClaims(refreshedText))
        #expect(!firstExternal.hasSuffix(refreshedText))
        #expect(refreshed.subject == external.subject)
        #expect(refreshed.isUnexpired)
    }

    @Test func gettingStartedVerbatim() async throws {
        let session = try Session()
        defer { session.remove() }
        let lines =
            try Corpus.texts([
                Corpus.signup, Corpus.promptedEcho, Corpus.wscat, Corpus.requestConversation, Corpus.publish,
            ])
            + Self.awaitReply + [probe("LP_JWT"), probe("LP_CONV_ID")]
        #expect(lines[1] == "> echo $LP_JWT")
        let result = try await session.sandbox(lines)
        #expect(result.status == 0, "\(result)")
        #expect(!result.timedOut && !result.crashed, "\(result)")

        let token = try #require(result.probe("LP_JWT"), "\(result)")
        let claims = try #require(JWTClaims(token), "\(result)")
        #expect(claims.payload["lp.kind"] as? String == "consumer")
        #expect(claims.isUnexpired)

        // `> echo $LP_JWT`: the pasted prompt is dropped (bash would truncate a file named `echo`), the token printed.
        #expect(result.stderr.contains("note: dropped the pasted prompt `>` before the command"), "\(result)")
        #expect(result.stdout.split(separator: "\n").first == Substring(token))
        #expect(!FileManager.default.fileExists(atPath: session.work.appendingPathComponent("echo").path))

        let conversation = try #require(result.probe("LP_CONV_ID"), "\(result)")
        #expect(UUID(uuidString: conversation) != nil)
        #expect(result.stdout.contains(#""type":"cm.RequestConversationResponse""#))
        #expect(result.stdout.contains(#""message":"echo: hi there""#), "the bot's reply did not arrive: \(result)")
    }

    /// The early draft's `UNAUTH_JWT=curl … | jq -r .jwt\`` (no opening backtick): one error line with a caret under
    /// the stray backtick, status 2, nothing run. The line is long, so it is cut as gojq cuts it: `…`, then the 47
    /// characters before the backtick and the backtick, with the caret under it.
    @Test func draftLineWithoutOpeningBacktickIsExplained() async throws {
        let session = try Session()
        defer { session.remove() }
        let line = try Corpus.text(Corpus.draftMissingBacktick)
        #expect(line.hasPrefix("UNAUTH_JWT=curl ") && line.hasSuffix("jq -r .jwt`"))
        let result = try await session.sandbox([line])
        #expect(result.status == 2, "\(result)")
        let errors = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(errors.first == "lp-shell: syntax error: unterminated backtick", "\(result)")
        #expect(errors.dropFirst().first == "  …" + line.suffix(48), "\(result)")
        let caret = try #require(errors.dropFirst(2).first)
        #expect(caret == Substring(String(repeating: " ", count: 2 + 48) + "^"), "\(result)")
        #expect(!result.crashed)
    }
}
