import Foundation
import ShellTestSupport
import Testing

/// Issue 15 item 5: a consumer socket and an agent socket open at once in one lp-shell (`wscat … &`, `jobs`,
/// `fg %agent`, `/as consumer`, `kill %1`), against the real embedded sandbox.
@Suite("Both sides in one shell", .serialized) struct BothSidesTests {
    static let login =
        #"LP_BEARER=`curl -s -X POST -H "Content-Type: application/json" -d '{"username":"alice","password":"pw"}' "https://$LP_AGENTVEP/api/account/$LP_ACCOUNT/login?v=1.2" | jq -r .bearer`"#
    static let agentSocket =
        #"wscat -k 60 -c "wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/brand/$LP_BEARER?v=2" &"#
    static let signup = #"LP_JWT=`curl -s -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/signup | jq -r .jwt`"#
    static let consumerSocket =
        #"wscat -k 60 -H "Authorization:jwt $LP_JWT" -c "wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3" &"#
    static let profile = #"{"kind":"req","id":"2","type":".ams.userprofile.GetUserProfile","body":{}}"#
    static let online =
        #"{"kind":"req","id":"3","type":".ams.routing.SetAgentState","body":{"channels":["MESSAGING"],"agentUserId":"__USER_ID__","availability":"ONLINE"}}"#
    static let subscribeRings =
        #"{"kind":"req","id":"4","type":".ams.routing.SubscribeRoutingTasks","body":{"brandId":"__ACCOUNT__","agentId":"__USER_ID__","channelType":"MESSAGING"}}"#
    static let requestConversation = #"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#
    static let accept =
        #"{"kind":"req","id":5,"body":{"ringId":"__RING_ID__","ringState":"ACCEPTED"},"type":".ams.routing.UpdateRingState"}"#
    static let agentPublish =
        #"{"kind":"req","id":6,"type":"ms.PublishEvent","body":{"dialogId":"__YOUR_CONVERSATION_ID__","event":{"type":"ContentEvent","contentType":"text/plain","message":"Response from agent"}}}"#
    static let consumerPublish =
        #"{"kind":"req","id":7,"type":"ms.PublishEvent","body":{"dialogId":"__YOUR_CONVERSATION_ID__","event":{"type":"ContentEvent","contentType":"text/plain","message":"From consumer"}}}"#
    static let consumerSubscribe =
        #"{"kind":"req","id":3,"type":"ms.SubscribeMessagingEvents","body":{"fromSeq":0,"dialogId":"__YOUR_CONVERSATION_ID__"}}"#

    /// The agent getting-started page as a tutorial: every step passes in the sandbox, both sockets in the
    /// background, each one's frames tagged with its job.
    @Test func theAgentTutorialPassesStepByStep() async throws {
        let session = try Session()
        defer { session.remove() }
        let steps = (2...10).map { "step \($0)" }
        let result = try await session.sandbox(
            ["tutorial list", "tutorial use agent-getting-started"] + steps + [probe("LP_CLOSED_CONV_ID")],
            timeout: 120)
        #expect(result.stdout.contains("agent-getting-started"), "\(result)")
        for number in 2...10 {
            #expect(result.stderr.contains("step \(number) ✓"), "step \(number): \(result)")
        }
        #expect(!crashSignatures.contains { result.stderr.contains($0) }, "\(result)")
        // The agent's socket is job 1, the consumer's job 2: a frame arriving on the one in the background is
        // tagged with its job (the consumer's message, received by the agent while the consumer publishes).
        #expect(result.stdout.contains(#""code":202,"kind":"resp","reqId":"3""#), "\(result.stdout)")
        // Which frames arrive while their socket is in the background depends on timing; some always do.
        let tagged = result.stdout.split(separator: "\n").filter { $0.hasPrefix("[1] < ") || $0.hasPrefix("[2] < ") }
        #expect(!tagged.isEmpty, "\(result.stdout)")
        #expect(result.stdout.contains("ringsDetails") && result.stdout.contains("Response from agent"))
        #expect(result.stderr.contains("replaced __RING_ID__ with"), "\(result.stderr)")
        #expect(result.stdout.contains("agent socket wss://"), "jobs lists the sockets: \(result.stdout)")
        #expect(result.stdout.contains("consumer socket wss://"))
        let closed = try #require(result.probe("LP_CLOSED_CONV_ID"), "\(result)")
        #expect(!closed.isEmpty)
    }

    /// A page pasted as a script: two background sockets, `fg %agent` takes the next lines as frames, `/as
    /// consumer` and `/as agent` switch, `/bg` returns to the script, whose later lines see what was captured.
    @Test func aScriptHoldsBothSocketsAndSwitchesBetweenThem() async throws {
        let session = try Session()
        defer { session.remove() }
        let script = [
            Self.login, Self.agentSocket, Self.signup, Self.consumerSocket, "fg %agent", Self.profile, Self.online,
            Self.subscribeRings, "/as consumer", Self.requestConversation, "/as agent", "/wait-for ringsDetails",
            Self.accept, Self.agentPublish, "/as consumer", Self.consumerSubscribe, "/wait-for Response from agent",
            Self.consumerPublish, "/wait 1", "/bg", "echo status=$?", probe("LP_CONV_ID"), "jobs", "kill %consumer",
            "kill %agent", "sleep 1", "jobs",
            "kill %agent; echo gone=$?",
        ].joined(separator: "\n")
        try script.write(to: session.work.appendingPathComponent("page.sh"), atomically: true, encoding: .utf8)
        let result = try await session.run(["--sandbox", "page.sh"], timeout: 90)
        #expect(!crashSignatures.contains { result.stderr.contains($0) }, "\(result)")
        #expect(result.stdout.contains("status=0\n"), "\(result)")
        let conversation = try #require(result.probe("LP_CONV_ID"), "\(result)")
        #expect(!conversation.isEmpty)
        #expect(result.stderr.contains("replaced __RING_ID__ with \(conversation)"), "\(result.stderr)")
        // The agent's publish went into the conversation it accepted, and the consumer's socket received it.
        #expect(result.stderr.contains("replaced __YOUR_CONVERSATION_ID__ with \(conversation)"))
        #expect(result.stdout.contains(#""message":"Response from agent""#), "\(result.stdout)")
        // The consumer's message reached the agent's socket while it was in the background: tagged with its job.
        let agentLines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("[1] < ") }
        #expect(agentLines.contains { $0.contains(#""message":"From consumer""#) }, "\(result.stdout)")
        #expect(result.stdout.contains("[1]  Running  agent socket wss://"), "\(result.stdout)")
        #expect(result.stdout.contains("[2]  Running  consumer socket wss://"))
        #expect(result.stderr.contains("%agent: no such job"), "\(result.stderr)")
        #expect(result.stdout.contains("gone=1\n"))
    }

    /// At a terminal: Ctrl-Z puts the agent's socket in the background; frames of the background agent socket
    /// appear above the consumer's socket-mode prompt, tagged `[1]`, and `/as agent` accepts the ring on it.
    @Test(.enabled(if: Tmux.isAvailable)) func bothSocketsAtATerminal() async throws {
        let session = try Session()
        defer { session.remove() }
        let tmux = try session.terminal()
        defer { tmux.kill() }
        try await tmux.waitFor("the sandbox prompt") { $0.hasSuffix("lp:sandbox $") }
        try tmux.typeLine(Self.login)
        // The agent's socket opened in the foreground, then put in the background with Ctrl-Z (a job from then on).
        try tmux.typeLine(Self.agentSocket.replacing(" &", with: ""))
        try await tmux.waitFor("the agent's socket mode") { $0.hasSuffix("\n>") }
        for frame in [Self.profile, Self.online, Self.subscribeRings] { try tmux.typeLine(frame) }
        try await tmux.waitFor("GenericSubscribe")
        try tmux.key("C-z")
        try await tmux.waitFor("back at the shell") { $0.hasSuffix("lp:sandbox $") }
        try tmux.typeLine(Self.signup)
        try tmux.typeLine(Self.consumerSocket)
        try await tmux.waitFor("consumer socket open in the background")
        try tmux.typeLine("jobs")
        try await tmux.waitFor("[2]  Running  consumer socket")
        try tmux.typeLine("fg %consumer")
        try await tmux.waitFor("%2: consumer socket")
        try tmux.typeLine(Self.requestConversation)
        // The ring arrives on the agent's socket while the consumer's prompt is up.
        try await tmux.waitFor("[1] < ")
        try await tmux.waitFor("ringsDetails")
        try tmux.typeLine("/as agent")
        try await tmux.waitFor("%1: agent socket")
        try tmux.typeLine(Self.accept)
        try await tmux.waitFor("Ring state updated successfully")
        try tmux.typeLine("/bg")
        try await tmux.waitFor("back at the shell again") { $0.hasSuffix("] $") }
        try tmux.typeLine("echo conv=[$LP_CONV_ID]; kill %1 %2")
        try await tmux.waitFor("the conversation id in the shell") { $0.contains("conv=[") && !$0.contains("conv=[]") }
        #expect(!crashSignatures.contains { tmux.screen().contains($0) }, "\(tmux.screen())")
    }

    /// A frame for a background socket arrives while the learner is typing at the shell's own prompt: it is
    /// printed above the prompt and the half-typed line is drawn again, intact (another lp-shell, a real consumer,
    /// makes the ring).
    @Test(.enabled(if: Tmux.isAvailable)) func aFrameArrivesAboveTheShellPromptWithoutBreakingTheLine() async throws {
        let session = try Session()
        defer { session.remove() }
        let tmux = try session.terminal()
        defer { tmux.kill() }
        try await tmux.waitFor("the sandbox prompt") { $0.hasSuffix("lp:sandbox $") }
        try tmux.typeLine(Self.login)
        try tmux.typeLine(Self.agentSocket)
        try await tmux.waitFor("agent socket open in the background")
        try tmux.typeLine("fg %agent")
        try await tmux.waitFor("the agent's socket mode") { $0.hasSuffix("\n>") }
        for frame in [Self.profile, Self.online, Self.subscribeRings] { try tmux.typeLine(frame) }
        try await tmux.waitFor("GenericSubscribe")
        try tmux.typeLine("/bg")
        try tmux.typeLine(#"env | grep -E '^(LP_|CURL_CA_BUNDLE|SSL_CERT_FILE)' > services.env; clear"#)
        try await tmux.waitFor("a clear screen") { $0.hasSuffix("lp:sandbox $") && !$0.contains("/bg") }
        try tmux.type("echo half-typed")
        var consumerEnvironment: [String: String] = [:]
        let exported = try String(contentsOf: session.work.appendingPathComponent("services.env"), encoding: .utf8)
        for line in exported.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            consumerEnvironment[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        let consumer = try await session.run(
            [],
            input: [Self.signup, Self.consumerSocket.replacing(" &", with: ""), Self.requestConversation].joined(
                separator: "\n") + "\n", extraEnvironment: consumerEnvironment)
        #expect(consumer.stdout.contains("cm.RequestConversationResponse"), "\(consumer)")
        try await tmux.waitFor("the ring above the prompt") { $0.contains("[1] < ") && $0.contains("ringsDetails") }
        try await tmux.waitFor("the half-typed line redrawn") { $0.hasSuffix("lp:sandbox $ echo half-typed") }
        try tmux.key("Enter")
        try await tmux.waitFor("the line ran") { $0.hasSuffix("half-typed\nlp:sandbox $") }
    }
}
