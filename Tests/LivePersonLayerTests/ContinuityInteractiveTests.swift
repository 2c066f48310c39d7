import Foundation
import ShellTestSupport
import Testing

/// Issue 15, item 4, at a real terminal (tmux): what the shell says comes when it happens, not with the next input,
/// and the banner never names hosts that are not there.
@Suite(
    "Continuity at the terminal (tmux)", .enabled(if: Tmux.isAvailable, "tmux is not installed (apt-get install tmux)"))
struct ContinuityInteractiveTests {
    /// The guided mode's diagnosis of a failed step is on the screen before the next answer is asked for (it used
    /// to sit in stderr's buffer until the learner answered again).
    @Test func tutorialDiagnosisComesBeforeTheNextAnswer() async throws {
        let session = try Session()
        defer { session.remove() }
        let tmux = try session.terminal(["--sandbox"])
        defer { tmux.kill() }

        try await tmux.waitFor("the sandbox prompt") { $0.hasSuffix("lp:sandbox $") }
        try tmux.typeLine("tutorial")
        try await tmux.waitFor("Type or paste the command")
        try tmux.typeLine("true")
        try await tmux.waitFor("the diagnosis, with no further input") { $0.contains("tutorial: ✗ ") }
        try await tmux.waitFor("Not quite")
        let screen = tmux.screen()
        let diagnosis = try #require(screen.range(of: "tutorial: ✗ "))
        let notQuite = try #require(screen.range(of: "Not quite"))
        #expect(diagnosis.lowerBound < notQuite.lowerBound, "\(screen)")
        #expect(screen.hasSuffix(">"), "waiting for the next answer: \(screen)")
        try tmux.typeLine("q")
        try await tmux.waitFor("back at the prompt") { $0.hasSuffix("lp:sandbox $") }
    }

    /// Ctrl-D at the `> ` continuation prompt: the message at once, and `$?` 2 (bash's status for an unexpected end
    /// of file; interactive bash 5.2 even exits with it), shown in the prompt.
    @Test func ctrlDAtTheContinuationPrompt() async throws {
        let session = try Session()
        defer { session.remove() }
        let tmux = try session.terminal(["--plain"])
        defer { tmux.kill() }

        try await tmux.waitFor("the prompt") { $0.hasSuffix("lp:no-account $") }
        try tmux.typeLine("echo 'abc")
        try await tmux.waitFor("the continuation prompt") { $0.hasSuffix("\n>") }
        try tmux.key("C-d")
        try await tmux.waitFor("the message, with no further input") {
            $0.contains("lp-shell: unfinished command discarded")
        }
        try await tmux.waitFor("the failed status in the prompt") { $0.hasSuffix("lp:no-account [2] $") }
        try tmux.typeLine("echo status=$?")
        try await tmux.waitFor("status=2")
    }

    /// An account whose CSDS cannot be reached: the lookup's error, then a banner that says the hosts are not set
    /// and how to retry, never "service hosts from CSDS are in LP_IDP".
    @Test func bannerWithAnUnreachableCSDS() async throws {
        let session = try Session()
        defer { session.remove() }
        let tmux = try session.terminal([], environment: ["LP_ACCOUNT": "12345678", "LP_CSDS": "127.0.0.1:1"])
        defer { tmux.kill() }

        try await tmux.waitFor("the prompt") { $0.hasSuffix("lp:12345678 $") }
        let screen = tmux.screen()
        #expect(screen.contains("lp-shell: CSDS lookup for account 12345678 failed ("), "\(screen)")
        #expect(
            screen.contains(
                "Account 12345678: no service hosts (the CSDS lookup failed): LP_IDP, LP_ASYNCMESSAGINGENT, … are not "
                    + "set. Check LP_ACCOUNT and the network, then `exit` and start lp-shell again to retry."),
            "\(screen)")
        #expect(!screen.contains("service hosts from CSDS are in"), "\(screen)")
        try tmux.typeLine("echo idp=[$LP_IDP]")
        try await tmux.waitFor("idp=[]")
    }

    /// The same with hosts cached more than a day ago: they are used, and the banner says they may be out of date.
    @Test func bannerWithAnUnreachableCSDSAndAnOldCache() async throws {
        let session = try Session()
        defer { session.remove() }
        let folder = session.cacheHome + "/lp-shell"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let cache = folder + "/csds-127.0.0.1_1-12345678.json"
        try #"{"baseURIs":[{"service":"idp","account":"12345678","baseURI":"idp.example.net"}]}"#.write(
            toFile: cache, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-3 * 86_400)], ofItemAtPath: cache)
        let tmux = try session.terminal([], environment: ["LP_ACCOUNT": "12345678", "LP_CSDS": "127.0.0.1:1"])
        defer { tmux.kill() }

        try await tmux.waitFor("the prompt") { $0.hasSuffix("lp:12345678 $") }
        let screen = tmux.screen()
        #expect(screen.contains("lp-shell: warning: using the services cached earlier for 12345678"), "\(screen)")
        #expect(
            screen.contains(
                "Account 12345678: CSDS did not answer; the service hosts cached earlier are set (`env | grep ^LP_`)"),
            "\(screen)")
        #expect(!screen.contains("service hosts from CSDS are in"), "\(screen)")
        try tmux.typeLine("echo idp=[$LP_IDP]")
        try await tmux.waitFor("idp=[idp.example.net]")
    }
}
