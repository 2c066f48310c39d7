import ShellRuntime
import Testing

@testable import LivePersonSession
@testable import ShellBuiltins

/// The pure parts of background sockets (`wscat … &`): the slash commands that switch sockets, job specs, the
/// tags on background output, and the values two sockets share.
struct BackgroundSocketTests {
    @Test func bgAndAsAreSlashCommands() {
        var dialect = LivePersonMessaging(variable: { _ in nil })
        #expect(SlashCommands.run("/bg", dialect: &dialect) == .background)
        #expect(SlashCommands.run("/as agent", dialect: &dialect) == .switchTo("agent"))
        #expect(SlashCommands.run("/as %2", dialect: &dialect) == .switchTo("%2"))
        #expect(
            SlashCommands.run("/as", dialect: &dialect)
                == .error("/as needs the socket to switch to: /as consumer, /as agent or /as %2"))
        #expect(SlashCommands.run("/bg now", dialect: &dialect) == .error("/bg takes no argument, got 'now'"))
    }

    @Test func theSideOfASocketComesFromItsPath() {
        #expect(LivePersonMessaging.role(ofSocketAt: "/ws_api/account/1/messaging/consumer?v=3") == "consumer")
        #expect(LivePersonMessaging.role(ofSocketAt: "/ws_api/account/1/messaging/brand/abc?v=2") == "agent")
        #expect(LivePersonMessaging.role(ofSocketAt: "/echo") == nil)
        #expect(PlainWebSocket.role(ofSocketAt: "/ws_api/account/1/messaging/consumer?v=3") == nil)
    }

    @Test func backgroundOutputIsTaggedWithItsJob() {
        #expect(
            SocketJob<PlainWebSocket>.tagged("{\"a\":1}\n", tag: "[1] ", frame: true) == "[1] < {\"a\":1}\n")
        #expect(
            SocketJob<PlainWebSocket>.tagged("wscat: note: replaced __RING_ID__\n", tag: "[2] ", frame: false)
                == "[2] note: replaced __RING_ID__\n")
        #expect(SocketJob<PlainWebSocket>.tagged("a\nb\n", tag: "[1] ", frame: false) == "[1] a\n[1] b\n")
        #expect(SocketJob<PlainWebSocket>.tagged("", tag: "[1] ", frame: true) == "")
        #expect(
            SocketJob<PlainWebSocket>.shortened(
                "wss://h:1/ws_api/account/a/messaging/brand/\(String(repeating: "ab", count: 32))?v=2")
                == "wss://h:1/ws_api/account/a/messaging/brand/abab…abab?v=2")
    }

    final class FakeSocket: JobControl, @unchecked Sendable {
        let names: [String]
        init(_ name: String) { names = [name] }
        var summary: String { "\(names[0]) socket" }
        func foreground(_ context: inout CommandContext) -> JobForegroundResult { .background }
        func terminate() {}
    }

    @Test func jobSpecsNameJobsByNumberSideOrRecency() throws {
        let entries = [
            BackgroundJobs.Entry(id: 10, number: 1, command: "wscat a &", running: true, control: FakeSocket("agent")),
            BackgroundJobs.Entry(id: 11, number: 2, command: "sleep 9 &", running: true, control: nil),
            BackgroundJobs.Entry(
                id: 12, number: 3, command: "wscat c &", running: true, control: FakeSocket("consumer")),
            BackgroundJobs.Entry(id: 13, number: 4, command: "true &", running: false, control: nil),
        ]
        func id(_ spec: String) -> Int? { try? JobSpec.find(spec, in: entries).get().id }
        #expect(id("%1") == 10 && id("1") == 10)
        #expect(id("%agent") == 10 && id("consumer") == 12)
        #expect(id("%%") == 12 && id("") == 12 && id("%+") == 12)
        #expect(id("%-") == 11)
        #expect(id("%4") == nil, "a finished job cannot come forward")
        guard case .failure(let failure) = JobSpec.find("%bot", in: entries) else {
            Issue.record("%bot names no job")
            return
        }
        #expect(
            failure.message
                == "%bot: no such job (open: %1 agent, %3 consumer; start one with `wscat … &`)")
    }

    private func runner() throws -> WSCatRunner<LivePersonMessaging> {
        let options = try WSCatOptions.parse(["-c", "ws://127.0.0.1:9/ws_api/account/1/messaging/consumer?v=3"])
        let request = WSCatSession.Request(
            url: try #require(WebSocketURL(options.url)), headers: [], tls: nil, keepalive: nil, proxy: nil)
        return WSCatRunner(
            options: options, request: request,
            formatter: FrameFormatter(interactive: false, color: false, raw: false, timestamps: false),
            dialect: LivePersonMessaging(variable: { _ in nil })
        ) { _, _ in }
    }

    /// The agent's socket accepts a conversation: the consumer's socket fills it in too; when one forgets it
    /// (closed), so does the other, and the shell's variables follow.
    @Test func twoSocketsShareWhatTheyCapture() throws {
        let shared = PublishedVariables()
        let agent = try runner()
        let consumer = try runner()
        agent.share(shared, from: 0)
        consumer.share(shared, from: 0)
        agent.dialect.adopt(["LP_CONV_ID": "c-1", "LP_RING_ID": "r-1"])
        agent.syncShared()
        consumer.syncShared()
        #expect(consumer.dialect.sharedValues["LP_CONV_ID"] == "c-1")
        #expect(consumer.dialect.sharedValues["LP_RING_ID"] == "r-1")
        consumer.dialect.adopt(["LP_CONV_ID": "", "LP_CLOSED_CONV_ID": "c-1"])
        consumer.syncShared()
        agent.syncShared()
        #expect(agent.dialect.sharedValues["LP_CONV_ID"] == "")
        #expect(agent.dialect.sharedValues["LP_CLOSED_CONV_ID"] == "c-1")
        // A stale value the agent still held is not published again over the newer one.
        agent.syncShared()
        #expect(shared.all["LP_CONV_ID"] == "")

        var state = ShellState(environment: ["LP_CONV_ID": "old"])
        state.backgroundJobs.published.publish(shared.all)
        state.applyPublishedVariables()
        #expect(state.variables["LP_CONV_ID"] == nil)
        #expect(state.variables["LP_CLOSED_CONV_ID"] == "c-1")
        #expect(state.variables["LP_RING_ID"] == "r-1")
        let version = state.publishedVersion
        state.applyPublishedVariables()
        #expect(state.publishedVersion == version)
    }

    @Test func aTutorialStepNamesTheBackgroundSocketsItsFramesGoTo() throws {
        let text = """
            # T
            name: t

            ## 3. Connect
            run: wscat -c "wss://x/consumer?v=3" &

            ## 4. Both
            run: echo hi
            socket: consumer
            frame: {"a":1}
            socket: agent
            frame: {"b":2}

            ## 5. Agent only
            socket: %1
            frame: {"c":3}
            """
        let tutorial = try Tutorial.parse(text, file: "t.tutorial")
        let both = try #require(tutorial.step(4))
        #expect(both.socket == "consumer")
        #expect(both.frames == [#"{"a":1}"#, "/as agent", #"{"b":2}"#])
        #expect(both.source == "echo hi\nfg %consumer")
        #expect(tutorial.step(5)?.source == "fg %1")
        #expect(tutorial.step(3)?.source == #"wscat -c "wss://x/consumer?v=3" &"#)
        #expect(throws: Tutorial.ParseError.self) {
            try Tutorial.parse("# T\nname: t\n## 1. A\nsocket: a b\n", file: "t")
        }
        #expect(throws: Tutorial.ParseError.self) { try Tutorial.parse("# T\nname: t\n## 1. A\nframe: x\n", file: "t") }
    }
}
