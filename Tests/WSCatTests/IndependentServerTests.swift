import Foundation
import JSONQuery
import ShellRuntime
import ShellTestSupport
import Testing

@testable import LivePersonSession
@testable import ShellBuiltins

/// `wscat` against a minimal WebSocket server written on plain SwiftNIO (Support/TestWebSocketServer.swift).
struct IndependentServerTests {
    private func withServer(_ body: (TestWebSocketServer) async throws -> Void) async throws {
        try await TestWebSocketServer.with(body)
    }

    @Test func executeSendsAndWaitsForTheEcho() async throws {
        try await withServer { server in
            let result = await WSCatHarness.run(["-c", server.url("/echo"), "-x", #"{"a": 1}"#, "-w", "0.3"])
            #expect(result.status == .success, "\(result.stderr)")
            #expect(result.stdout == "{\"a\":1}\n")
            #expect(result.stderr == "wscat: disconnected: 1000 normal closure\n")
        }
    }

    @Test func batchScriptLinesUntilCloseLeaveTheRestToTheShell() async throws {
        try await withServer { server in
            let script = ["{", "\t\"kind\": \"req\",", "\t\"id\": 1", "}", #""a JSON string""#, "/close", "echo after"]
            let result = await WSCatHarness.run([server.url("/echo"), "-w", "0.3"], script: script)
            #expect(result.status == .success, "\(result.stderr)")
            #expect(server.received == [#"{"kind":"req","id":1}"#, #""a JSON string""#])
            #expect(result.remainingScript == ["echo after"])
        }
    }

    @Test func redirectedInputIsSentToTheEndOfInput() async throws {
        try await withServer { server in
            let result = await WSCatHarness.run(
                [server.url("/slow/50"), "-w", "0.5"], script: ["echo not mine"], stdin: "one\ntwo\n")
            #expect(result.frames == ["one", "two"])
            #expect(result.remainingScript == ["echo not mine"])
        }
    }

    @Test func invalidJSONIsNotSent() async throws {
        try await withServer { server in
            let result = await WSCatHarness.run(
                [server.url("/echo"), "-w", "0.3"], script: [#"{"kind":"req","id":1,}"#, #"{"ok":true}"#])
            #expect(server.received == [#"{"ok":true}"#])
            #expect(result.stderr.contains("wscat: invalid JSON (column 22): trailing comma before }"))
            #expect(result.stderr.contains("(not sent)"))
            #expect(result.status == .failure)
        }
    }

    @Test func headerFormsAuthOriginAndSubprotocolReachTheServer() async throws {
        try await withServer { server in
            let result = await WSCatHarness.run([
                "-H", "Authorization:jwt abc.def", "-H", "X-Spaced: two words", "--header=Client-Properties:{\"a\":1}",
                "-o", "https://origin.example", "-s", "lp", "-c", server.url("/headers"), "-w", "1",
            ])
            let headers = try #require(try? FrameJSON.parse(result.stdout.trimmingWhitespace), "\(result)")
            #expect(headers["authorization"] == .string("jwt abc.def"))
            #expect(headers["x-spaced"] == .string("two words"))
            #expect(headers["client-properties"] == .string(#"{"a":1}"#))
            #expect(headers["origin"] == .string("https://origin.example"))
            #expect(headers["sec-websocket-protocol"] == .string("lp"))
            #expect(headers["host"] == .string("127.0.0.1:\(server.port)"))
            let basic = await WSCatHarness.run(["--auth", "user:pass", server.url("/headers"), "-w", "1"])
            #expect(
                try FrameJSON.parse(basic.stdout.trimmingWhitespace)["authorization"]
                    == .string("Basic dXNlcjpwYXNz"))
        }
    }

    @Test(arguments: [4401, 4407, 1008, 1011])
    func serverCloseCodesAreExplained(code: Int) async throws {
        try await withServer { server in
            let result = await WSCatHarness.run([server.url("/close/\(code)")], script: ["{\"never\":1}"])
            #expect(result.status == .failure)
            // The close may come before the frame line is read: then a note says it was not sent (item 4).
            let lines = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("wscat: note: the socket closed") }
            #expect(
                lines
                    == [
                        "wscat: disconnected: \(CloseCodes.explain(code, reason: "test close", dialect: LivePersonMessaging.self))"
                    ], "\(result.stderr)")
        }
    }

    @Test func refusedUpgradeShowsStatusAndBody() async throws {
        try await withServer { server in
            let result = await WSCatHarness.run([server.url("/refuse")])
            #expect(result.status == .failure)
            #expect(
                result.stderr == "wscat: error: unexpected server response (401): \(TestWebSocketServer.refusalBody)\n")
        }
    }

    @Test func connectionRefusedAndTimeout() async throws {
        try await withServer { server in
            let refused = await WSCatHarness.run(["ws://127.0.0.1:1/"])
            #expect(refused.status == .failure)
            #expect(refused.stderr.hasPrefix("wscat: error: connect ECONNREFUSED 127.0.0.1:1"))
            let started = Date()
            let hung = await WSCatHarness.run([server.url("/hang"), "--connect-timeout", "0.5"])
            #expect(hung.status == .failure)
            #expect(hung.stderr == "wscat: error: no WebSocket connection after 0.5 s (--connect-timeout)\n")
            #expect(Date().timeIntervalSince(started) < 3)
        }
    }

    @Test func keepalivePingsReachTheServerSilently() async throws {
        try await withServer { server in
            let result = await WSCatHarness.run(["-k", "0.5", server.url("/echo"), "-x", "x", "-w", "3"])
            // Six periods fit in the wait; under a loaded CI machine as few as one or two were seen in time, so the
            // test asks that pings arrive at all, and silently (how many is the period's business, not this test's).
            #expect(server.pingCount >= 1, "pings: \(server.pingCount)")
            #expect(result.stdout == "x\n")
            #expect(!result.stdout.contains("ping") && !result.stderr.contains("ping"))
        }
    }

    @Test func proxyTunnelFromTheOptionOrTheEnvironment() async throws {
        let proxy = try HTTPTestProxy()
        defer { proxy.stop() }
        try await withServer { server in
            let given = await WSCatHarness.run([
                "--proxy", proxy.hostPort, server.url("/echo"), "-x", "hi", "-w", "0.5",
            ])
            #expect(given.status == .success, "\(given.stderr)")
            #expect(given.stdout == "hi\n")
            let authority = "127.0.0.1:\(server.port)"
            #expect(proxy.takeHeads() == ["CONNECT \(authority) HTTP/1.1\r\nHost: \(authority)"])

            let fromEnvironment = await WSCatHarness.run(
                [server.url("/echo"), "-x", "env", "-w", "0.5"], environment: ["http_proxy": proxy.hostPort])
            #expect(fromEnvironment.stdout == "env\n", "\(fromEnvironment.stderr)")
            #expect(proxy.takeHeads().count == 1)

            let exempt = await WSCatHarness.run(
                [server.url("/echo"), "-x", "direct", "-w", "0.5"],
                environment: ["http_proxy": proxy.hostPort, "no_proxy": "127.0.0.1"])
            #expect(exempt.stdout == "direct\n", "\(exempt.stderr)")
            #expect(proxy.takeHeads().isEmpty)
        }
    }

    @Test func proxyRefusalsAreOneLineWithTheReason() async throws {
        let proxy = try HTTPTestProxy(credentials: "user:secret")
        defer { proxy.stop() }
        try await withServer { server in
            let refused = await WSCatHarness.run(["--proxy", proxy.hostPort, server.url("/echo"), "-x", "hi"])
            #expect(refused.status == .failure)
            #expect(
                refused.stderr
                    == "wscat: error: the proxy refused the tunnel to 127.0.0.1:\(server.port): 407 Proxy "
                    + "Authentication Required (give credentials: --proxy user:password@host:port)\n")
            let allowed = await WSCatHarness.run(
                ["--proxy", "http://user:secret@\(proxy.hostPort)", server.url("/echo"), "-x", "hi", "-w", "0.5"])
            #expect(allowed.stdout == "hi\n", "\(allowed.stderr)")
            #expect(proxy.takeHeads().last?.contains("\r\nProxy-Authorization: Basic dXNlcjpzZWNyZXQ=") == true)

            let down = await WSCatHarness.run(["--proxy", "127.0.0.1:1", server.url("/echo"), "-x", "hi"])
            #expect(
                down.stderr
                    == "wscat: error: connect ECONNREFUSED proxy 127.0.0.1:1 (nothing listens there; is the proxy "
                    + "running?)\n")
            let malformed = await WSCatHarness.run(["--proxy", "socks5://127.0.0.1:1", server.url("/echo")])
            #expect(malformed.status == .usage)
            #expect(malformed.stderr.hasPrefix("wscat: --proxy: Unsupported proxy scheme for 'socks5://127.0.0.1:1'"))
        }
    }

    @Test func lostConnectionIsReportedOnceAndRetryReconnects() async throws {
        try await withServer { server in
            // The drop ends the wait at once; the long `-w` only leaves a loaded machine time to notice it.
            let lost = await WSCatHarness.run([server.url("/drop"), "-x", "bye", "-w", "20"])
            #expect(lost.status == .failure)
            #expect(lost.stderr.components(separatedBy: "disconnected").count == 2, "\(lost.stderr)")
            #expect(lost.stderr.contains("1006 connection lost"))

            // `/wait 5` keeps the input open past the drop: at the input's end wscat closes the socket itself, and
            // a socket closed by us is not reconnected (on a loaded machine the end of input once came first).
            let retried = await WSCatHarness.run(
                ["-r", server.url("/drop"), "-w", "8"], script: [#""first""#, "/wait 5"])
            #expect(retried.stderr.contains("wscat: note: reconnecting in 1 s (attempt 1 of 5)"), "\(retried.stderr)")
            #expect(retried.stderr.contains("wscat: note: reconnected"))
        }
    }

    @Test func slowRepliesWithWait() async throws {
        try await withServer { server in
            let short = await WSCatHarness.run([server.url("/slow/3000"), "-x", "late", "-w", "0.1"])
            #expect(short.stdout.isEmpty)
            let long = await WSCatHarness.run([server.url("/slow/200"), "-x", "late", "-w", "2"])
            #expect(long.stdout == "late\n")
        }
    }

    @Test func waitForBlocksUntilTheTextArrivesOrTheSocketCloses() async throws {
        try await withServer { server in
            let arrived = await WSCatHarness.run(
                [server.url("/slow/300")], script: [#""late""#, "/wait-for lat", "/close"])
            #expect(arrived.status == .success, "\(arrived.stderr)")
            #expect(arrived.stdout == "\"late\"\n")
            // The drop comes 300 ms after `bye`, so `/wait-for` is already waiting when the socket closes.
            let dropped = await WSCatHarness.run(
                [server.url("/drop/300")], script: [#""bye""#, "/wait-for never", "/close"])
            #expect(dropped.status == .failure)
            #expect(dropped.stderr.contains("/wait-for: no frame containing 'never' before the socket closed"))
        }
    }

    /// A frame shown before the `/wait-for` line is read (here by `/wait`; in the seed tutorial with
    /// `--bot-delay 0ms`, by the pump after the subscribe line when its backlog already held the bot's `echo:`)
    /// still satisfies it: `/wait-for` used to look only at frames arriving while it waited, and waited 30 s.
    /// Each frame satisfies one `/wait-for`: the second finds `two`, which came after `one`.
    @Test func waitForFindsAFrameThatCameBeforeIt() async throws {
        try await withServer { server in
            let result = await WSCatHarness.run(
                [server.url("/echo")],
                script: [
                    #""one""#, #""two""#, "/wait 0.3", "/wait-for one", "/wait-for two", "/close",
                ])
            #expect(result.status == .success, "\(result.stderr)")
            #expect(result.stdout == "\"one\"\n\"two\"\n")
            // A `/wait-for` that missed its frame fails after 30 s with a message: no wall-clock check needed.
            #expect(!result.stderr.contains("/wait-for"), "\(result.stderr)")
        }
    }

    @Test func closeWithACodeAndRawTimestampedOutput() async throws {
        try await withServer { server in
            let result = await WSCatHarness.run(
                [server.url("/echo"), "--raw", "--timestamp", "-w", "0.3"],
                script: ["{ \"a\" : 1 }", "/close 4000 done"])
            #expect(result.status == .success, "\(result.stderr)")
            let line = try #require(result.frames.first)
            #expect(line.hasPrefix("[") && line.hasSuffix("] { \"a\" : 1 }"))
        }
    }
}

/// The frames a `/wait-for` has not looked at yet.
struct UnclaimedFramesTests {
    @Test func claimingForgetsTheMatchAndWhatCameBeforeIt() {
        var frames = UnclaimedFrames()
        for text in ["a1", "b1", "a2", "b2"] { frames.append(text) }
        let claims = ["b", "a", "b", "a", "b"].map { frames.claim(firstContaining: $0) }
        #expect(claims == [true, true, true, false, false])
    }

    @Test func theOldestFramesGoFirstPastTheLimitButNeverTheNewest() {
        var frames = UnclaimedFrames(limit: 10)
        for index in 0..<1000 { frames.append("f\(index)") }
        // Two frames of 4 bytes fit in 10.
        let claims = ["f997", "f998", "f999"].map { frames.claim(firstContaining: $0) }
        #expect(claims == [false, true, true])
        frames.append(String(repeating: "x", count: 100))
        let claimedTheNewest = frames.claim(firstContaining: "xx")
        #expect(claimedTheNewest)
    }
}
