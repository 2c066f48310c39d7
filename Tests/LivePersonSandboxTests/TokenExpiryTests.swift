import HTTPTypes
import LivePersonAPI
import NIOWebSocket
import Testing
import WSCore

@testable import LivePersonSandbox

@Suite(.timeLimit(.minutes(1)))
struct TokenExpiryTests {
    @Test func expiringConsumerTokenClosesWith4401() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let token = sandbox.consumerToken(ttl: 5)
            let started = ContinuousClock.now
            let close = try await SocketDriver.connect(
                sandbox, path: SocketDriver.consumerPath(sandbox.account), headers: [.authorization: "jwt \(token)"]
            ) { socket in
                try await socket.send(#"{"kind":"req","id":1,"type":"GetClock"}"#)
                #expect(try await socket.next()?["code"]?.intValue == 200)
                try await socket.drain()
            }
            #expect(close?.closeCode == .unknown(4401))
            #expect(ContinuousClock.now - started >= .seconds(1))
        }
    }

    @Test func expiringUnauthenticatedIdentityClosesWith4407() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let token = sandbox.consumerToken(ttl: 5, kind: .unauthenticatedConsumer)
            let close = try await SocketDriver.connect(
                sandbox, path: SocketDriver.consumerPath(sandbox.account), headers: [.authorization: "jwt \(token)"]
            ) { socket in
                try await socket.drain()
            }
            #expect(close?.closeCode == .unknown(4407))
        }
    }

    @Test func alreadyExpiredTokensAreRefusedAtOnce() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            for (kind, code) in [(TokenClaims.Kind.consumer, 4401), (.unauthenticatedConsumer, 4407)] {
                let token = sandbox.consumerToken(ttl: -5, kind: kind)
                let close = try await SocketDriver.connect(
                    sandbox, path: SocketDriver.consumerPath(sandbox.account), headers: [.authorization: "jwt \(token)"]
                ) { socket in
                    try await socket.drain()
                }
                #expect(close?.closeCode == .unknown(UInt16(code)))
            }
        }
    }

    /// The whole unauthenticated flow with a 2 s external token (`--ext-token-ttl 2s`): the exchanged token expires
    /// with the external one and the socket closes with 4407.
    @Test func shortExternalTTLEndsTheSocket() async throws {
        try await SandboxHarness.withRouter({ $0.externalTokenTTL = .seconds(2) }) { client in
            let connector = await client.services.store.account("qa1").connectorID
            let external = try #require(
                try await client.send(.post, "/api/account/qa1/anonymous/authorize").json?["token"]?.stringValue)
            let token = try #require(
                try await client.send(
                    .post, "/api/account/qa1/app/\(connector)/authenticate?v=3.0", body: #"{"id_token":"\#(external)"}"#
                ).json?["token"]?.stringValue)
            try await Task.sleep(for: .milliseconds(2100))
            let late = try await client.send(
                .post, "/api/account/qa1/app/\(connector)/authenticate?v=3.0", body: #"{"id_token":"\#(external)"}"#)
            #expect(late.json?["internalErrorCode"]?.stringValue == "1012")
            #expect(throws: TokenSigner.Failure.self) {
                try client.services.signer.verify(token, now: SandboxServices.nowSeconds())
            }
            let refreshed = try await client.send(
                .post, "/api/account/qa1/anonymous/authorize", body: #"{"id_token":"\#(external)"}"#)
            #expect(refreshed.status == .ok)
        }
    }
}
