import Foundation
import Testing

@testable import LivePersonSandbox

/// RFC 6455 and HTTP hygiene of the sandbox, probed with raw bytes over TLS: what a broken or hostile client sends.
@Suite("Protocol hygiene", .timeLimit(.minutes(1)))
struct ProtocolHygieneTests {
    static let getClock = Array(#"{"kind":"req","id":1,"type":"GetClock"}"#.utf8)

    /// Upgrades, sends `frames` once the 101 arrived, and returns what came back until the close.
    static func afterUpgrade(_ sandbox: RunningSandbox, send frames: [UInt8]) async throws -> RawConnection.Answer {
        let connection = try await RawConnection.open(port: sandbox.port)
        return try await connection.exchange(
            ClientFrame.upgrade(account: sandbox.account, token: sandbox.consumerToken()), until: "\r\n\r\n",
            then: frames, readingFor: 5)
    }

    @Test func aMaskedTextFrameIsAnswered() async throws {
        // The control case: the same path as the tests below, with a frame that breaks no rule.
        try await SandboxHarness.withSandbox { sandbox in
            let answer = try await Self.afterUpgrade(sandbox, send: ClientFrame.frame(Self.getClock))
            #expect(answer.text.hasPrefix("HTTP/1.1 101"))
            #expect(answer.text.contains("GetClock$Response"), "\(answer.text)")
        }
    }

    @Test func textThatIsNotUTF8ClosesWith1007() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let answer = try await Self.afterUpgrade(sandbox, send: ClientFrame.frame([0x7B, 0xFF, 0xFE, 0x7D]))
            #expect(answer.closeCode == 1007, "\(answer.text.debugDescription)")
            #expect(!answer.text.contains("\"kind\""), "the frame was answered: \(answer.text)")
        }
    }

    @Test func anUnmaskedClientFrameClosesWith1002() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let answer = try await Self.afterUpgrade(sandbox, send: ClientFrame.frame(Self.getClock, masked: false))
            #expect(answer.closeCode == 1002, "\(answer.text.debugDescription)")
            #expect(!answer.text.contains("GetClock$Response"), "an unmasked frame was answered")
            #expect(answer.closed)
        }
    }

    @Test func anUnmaskedFrameAfterMaskedOnesClosesWith1002() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let big = Array(repeating: UInt8(ascii: " "), count: 70_000) + Self.getClock
            let frames =
                ClientFrame.frame(Self.getClock) + ClientFrame.frame(big)
                + ClientFrame.frame(Self.getClock, masked: false)
            let answer = try await Self.afterUpgrade(sandbox, send: frames)
            #expect(answer.closeCode == 1002, "\(answer.text.suffix(200).debugDescription)")
        }
    }

    @Test func aFragmentedMessageOverTheLimitClosesWith1009() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let piece = Array(repeating: UInt8(ascii: "a"), count: 600_000)
            let frames =
                ClientFrame.frame(piece, opcode: 1, fin: false) + ClientFrame.frame(piece, opcode: 0, fin: true)
            let answer = try await Self.afterUpgrade(sandbox, send: frames)
            #expect(answer.closeCode == 1009, "\(answer.text.debugDescription)")
        }
    }

    @Test func aRequestHeadThatNeverEndsGets408AndIsClosed() async throws {
        try await SandboxHarness.withSandbox({ $0.headerTimeout = .milliseconds(500) }) { sandbox in
            let started = ContinuousClock.now
            let connections = try await withThrowingTaskGroup(of: RawConnection.Answer.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        let connection = try await RawConnection.open(port: sandbox.port)
                        return try await connection.exchange(
                            Array("GET /api/account/a/service/idp/baseURI.json HTTP/1.1\r\nHost: x\r\n".utf8),
                            readingFor: 30)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // Without the header timeout each read would last its 30 s; the bound is loose for a loaded CI machine.
            #expect(ContinuousClock.now - started < .seconds(20))
            for answer in connections {
                #expect(answer.closed)
                #expect(answer.text.hasPrefix("HTTP/1.1 408 Request Timeout"), "\(answer.text)")
            }
        }
    }

    @Test func aConnectionThatSendsNothingIsClosed() async throws {
        try await SandboxHarness.withSandbox({ $0.idleTimeout = .milliseconds(500) }) { sandbox in
            let tls = try await RawConnection.open(port: sandbox.port)
            let afterHandshake = try await tls.exchange(readingFor: 5)
            #expect(afterHandshake.closed)
            #expect(afterHandshake.bytes.isEmpty)
            // A client that never even starts TLS. Closing goes through the TLS handler, which may wait up to its
            // shutdown timeout (5 s) for a close_notify this client never sends: read for longer than that.
            let plain = try await RawConnection.open(port: sandbox.port, tls: false)
            let silent = try await plain.exchange(readingFor: 12)
            #expect(silent.closed)
        }
    }

    @Test func aCompleteRequestIsNotCutByTheTimeouts() async throws {
        try await SandboxHarness.withSandbox({
            $0.idleTimeout = .seconds(2)
            $0.headerTimeout = .seconds(2)
        }) { sandbox in
            let connection = try await RawConnection.open(port: sandbox.port)
            let answer = try await connection.exchange(
                Array("GET /api/account/a/service/idp/baseURI.json?version=1.0 HTTP/1.1\r\nHost: x\r\n\r\n".utf8),
                readingFor: 1)
            #expect(answer.text.hasPrefix("HTTP/1.1 200"), "\(answer.text)")
        }
    }

    @Test func theDefaultsAreTenSeconds() {
        let configuration = SandboxConfiguration()
        #expect(configuration.idleTimeout == .seconds(10))
        #expect(configuration.headerTimeout == .seconds(10))
    }
}
