import Foundation
import HTTPTypes
import LivePersonAPI
import NIOWebSocket
import Testing
import WSCore

@testable import LivePersonSandbox

/// The control frames of a messaging socket, now that its event-loop handler answers them (swift-websocket's handler
/// did before): pings, the server's own pings and their timeout, the close handshake, and the close on stop.
@Suite("Socket keep-alive and close", .timeLimit(.minutes(1)))
struct SocketKeepAliveTests {
    /// Upgrades a consumer socket, sends `frames` once the 101 arrived, and returns what came back.
    static func afterUpgrade(_ sandbox: RunningSandbox, send frames: [UInt8], readingFor seconds: Double)
        async throws -> RawConnection.Answer
    {
        let connection = try await RawConnection.open(port: sandbox.port)
        return try await connection.exchange(
            ClientFrame.upgrade(account: sandbox.account, token: sandbox.consumerToken()), until: "\r\n\r\n",
            then: frames, readingFor: seconds)
    }

    @Test func aPingIsAnsweredWithItsPong() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let answer = try await Self.afterUpgrade(
                sandbox, send: ClientFrame.frame(Array("abc".utf8), opcode: 9), readingFor: 1)
            let pong: [UInt8] = [0x8A, 0x03] + Array("abc".utf8)
            #expect(answer.bytes.firstRange(of: pong) != nil, "\(answer.text.debugDescription)")
        }
    }

    @Test func aClientThatAnswersNoPingIsClosedWith1001() async throws {
        try await SandboxHarness.withSandbox({ $0.pingPeriod = .milliseconds(300) }) { sandbox in
            let started = ContinuousClock.now
            let answer = try await Self.afterUpgrade(sandbox, send: [], readingFor: 10)
            #expect(answer.closed)
            #expect(answer.closeCode == 1001, "\(answer.text.debugDescription)")
            #expect(
                answer.bytes.firstRange(of: [0x89, 0x10]) != nil, "no ping was sent: \(answer.text.debugDescription)")
            #expect(answer.text.contains("Ping timeout"))
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    @Test(arguments: [(1000, 1000), (4000, 1000), (1004, 1002)])
    func aCloseFrameIsAnsweredAndTheConnectionEnds(sent: Int, answered: Int) async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let close = ClientFrame.frame([UInt8(sent >> 8), UInt8(sent & 0xFF)], opcode: 8)
            let answer = try await Self.afterUpgrade(sandbox, send: close, readingFor: 5)
            #expect(answer.closed)
            #expect(answer.closeCode == answered, "\(answer.text.debugDescription)")
        }
    }

    @Test func stoppingTheSandboxClosesItsSocketsWith1000() async throws {
        let sandbox = try await RunningSandbox.start(SandboxHarness.configuration())
        let close = try await SocketDriver.connect(
            sandbox, path: SocketDriver.consumerPath(sandbox.account),
            headers: [.authorization: "jwt \(sandbox.consumerToken())"]
        ) { socket in
            try await socket.send(#"{"kind":"req","id":1,"type":"GetClock"}"#)
            _ = try await socket.next(ofType: UMSType.getClockResponse)
            let stopper = Task { await sandbox.stop() }
            // Reads until the server closes the socket (the client never closes it first).
            try await socket.drain()
            await stopper.value
        }
        #expect(close?.closeCode == .normalClosure)
    }
}
