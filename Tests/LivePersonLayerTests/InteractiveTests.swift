import Foundation
import ShellTestSupport
import Testing

/// lp-shell at a real terminal (tmux): the seed tutorial typed at the readline prompt with the token badge, and
/// wscat's interactive mode printing a received frame above a half-typed line (issue 6).
@Suite("Interactive (tmux)", .enabled(if: Tmux.isAvailable, "tmux is not installed (apt-get install tmux)"))
struct InteractiveTests {
    /// `lp:sandbox [jwt 10m] $` (9m once half a minute has gone).
    static func endsWithBadgePrompt(_ screen: String) -> Bool {
        screen.split(separator: "\n").last?.contains(#/lp:sandbox \[jwt (9|10)m\] \$/#) == true
    }

    @Test func seedTutorialTypedAtThePrompt() async throws {
        let session = try Session()
        defer { session.remove() }
        let tmux = try session.terminal()
        defer { tmux.kill() }

        try await tmux.waitFor("the sandbox prompt without a badge") { $0.hasSuffix("lp:sandbox $") }
        try tmux.typeLine(try Corpus.text(Corpus.seedStep1))
        try tmux.typeLine(try Corpus.text(Corpus.seedStep2))
        try await tmux.waitFor("the token badge in the prompt") { Self.endsWithBadgePrompt($0) }
        #expect(tmux.screen().contains("note: $LP_APP_CONN_ID is your LP_CONN_ID"))

        // Step 3: Getting Started's socket, opened interactively; the docs' frames typed at wscat's prompt.
        try tmux.typeLine(try Corpus.text(Corpus.wscat))
        try await tmux.waitFor("wscat's prompt") { $0.hasSuffix("\n>") }
        try tmux.typeLine(try Corpus.text(Corpus.requestConversation))
        try await tmux.waitFor("conversation id captured") { $0.contains("is in $LP_CONV_ID") }
        try tmux.typeLine("/subscribe")
        try tmux.typeLine(try Corpus.text(Corpus.publish))
        try await tmux.waitFor(#""message": "echo: hi there""#)
        try tmux.key("C-d")
        try await tmux.waitFor("back at the shell prompt") { Self.endsWithBadgePrompt($0) }

        try tmux.typeLine(try Corpus.text(Corpus.seedStep4))
        try tmux.typeLine("tokens; echo conv=$LP_CONV_ID")
        try await tmux.waitFor("tokens listed") { $0.contains(#/conv=[0-9a-f-]{36}/#) }
        let screen = tmux.screen()
        #expect(screen.contains(#/LP_EXT_JWT +external +eyJr….  sub /#), "\(screen)")
        #expect(screen.contains(#/LP_JWT +LP consumer +eyJr…. /#))
        #expect(Self.endsWithBadgePrompt(screen), "\(screen)")
    }

    /// The prompt does not wait for the embedded sandbox (its port is held in advance); when the sandbox then
    /// fails to start, the first command says why before it runs, and the variables that pointed at it are gone.
    @Test func aSandboxThatFailsToStartIsReportedAtTheFirstCommand() async throws {
        let session = try Session()
        defer { session.remove() }
        let tmux = try session.terminal(["--sandbox", "--data", "/proc/lp-shell-no-such-dir"])
        defer { tmux.kill() }

        try await tmux.waitFor("the sandbox prompt") { $0.hasSuffix("lp:sandbox $") }
        try tmux.typeLine("echo idp=[$LP_IDP] sandbox=[$LP_SANDBOX]")
        try await tmux.waitFor("the command ran") { $0.contains("idp=[] sandbox=[]") }
        let screen = tmux.screen()
        let failure = try #require(screen.range(of: "lp-shell: could not start the embedded sandbox: "))
        #expect(failure.lowerBound < screen.range(of: "idp=[] sandbox=[]")!.lowerBound, "\(screen)")
        #expect(screen.contains("/proc/lp-shell-no-such-dir"), "\(screen)")
    }

    /// Getting Started's first two lines typed at the prompt as the docs print them: the signup token, then
    /// `> echo $LP_JWT` (the docs' pasted prompt, dropped instead of redirecting into a file named `echo`).
    @Test func gettingStartedTypedAtThePrompt() async throws {
        let session = try Session()
        defer { session.remove() }
        let tmux = try session.terminal()
        defer { tmux.kill() }

        try await tmux.waitFor("the sandbox prompt") { $0.hasSuffix("lp:sandbox $") }
        try tmux.typeLine(try Corpus.text(Corpus.signup))
        try tmux.typeLine(try Corpus.text(Corpus.promptedEcho))
        try await tmux.waitFor("the token echoed") {
            $0.contains(#/\neyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\n/#)
        }
        #expect(!FileManager.default.fileExists(atPath: session.work.appendingPathComponent("echo").path))
    }

    /// Issue 6: a frame received while the user is typing is printed above the prompt and the half-typed line
    /// survives (and is then sent whole).
    @Test func wscatFramePrintedWhileTyping() async throws {
        let session = try Session()
        defer { session.remove() }
        let tmux = try session.terminal()
        defer { tmux.kill() }

        try await tmux.waitFor("the sandbox prompt") { $0.hasSuffix("lp:sandbox $") }
        try tmux.typeLine("step 1 >/dev/null 2>&1; step 2 >/dev/null 2>&1; clear")
        try await tmux.waitFor("the token badge") { Self.endsWithBadgePrompt($0) }
        try tmux.typeLine(try Corpus.text(Corpus.wscat))
        try await tmux.waitFor("wscat's prompt") { $0.hasSuffix("\n>") }
        try tmux.typeLine("/request-conversation")
        try await tmux.waitFor("conversation id captured") { $0.contains("is in $LP_CONV_ID") }
        try tmux.typeLine("/subscribe")
        try await tmux.waitFor(".ams.GenericSubscribeResponse")

        // Ask the bot for a reply (it answers after 300 ms), then start typing before it arrives.
        try tmux.typeLine("/publish ping from tmux")
        let halfTyped = #"{"kind":"req","id":77,"type":"ms.PublishEvent","body":{"dialogId":"#
        try tmux.type(halfTyped)
        try await tmux.waitFor("the bot's reply") { $0.contains("echo: ping from tmux") }
        try await tmux.waitFor("the half-typed line redrawn under the frame") { screen in
            let lines = screen.split(separator: "\n")
            guard let last = lines.last, let reply = lines.lastIndex(where: { $0.contains("echo: ping from tmux") })
            else { return false }
            return last == "> " + halfTyped && reply < lines.count - 1
        }
        // The line is intact: finishing it sends one valid frame, answered by its id.
        try tmux.typeLine(
            #""__YOUR_CONVERSATION_ID__","event":{"type":"ContentEvent","contentType":"text/plain","message":"two"}}}"#)
        try await tmux.waitFor("the response to request 77") { $0.contains(#""reqId": "77""#) }
        try await tmux.waitFor("the bot's second reply") { $0.contains("echo: two") }
        #expect(!tmux.screen().contains("invalid JSON"))
        try tmux.typeLine("/close")
        try await tmux.waitFor("back at the shell") { Self.endsWithBadgePrompt($0) }
        // Known product bug (see TutorialCorpusTests): the in-process sandbox sometimes leaves the close unanswered.
        #expect(tmux.screen().contains("disconnected: 1000 normal closure"), "\(tmux.screen())")
    }
}
