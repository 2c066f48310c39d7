import Foundation
import Hummingbird
import HummingbirdTesting
import LivePersonAPI
import NIOWebSocket
import ShellTestSupport
import Testing
import WSCore

@testable import LivePersonSandbox

/// Revocations and agent logouts made with `--data DIR` still hold after the sandbox restarts on DIR; tokens that
/// were not revoked and sessions that did not log out keep working.
@Suite(.timeLimit(.minutes(1)))
struct DurableRevocationTests {
    /// What the first run leaves for the second to check.
    struct Issued: Sendable {
        let revoked: String
        let kept: String
        let revokedExternal: String
        let loggedOutBearer: String
        let activeBearer: String
    }

    static func rest<T: Sendable>(_ sandbox: RunningSandbox, _ body: @Sendable (RESTClient) async throws -> T)
        async throws -> T
    {
        let app = Application(router: buildRouter(services: sandbox.services))
        return try await app.test(.router) { client in
            try await body(RESTClient(client: client, services: sandbox.services))
        }
    }

    static func consumerClose(_ sandbox: RunningSandbox, token: String) async throws
        -> (WebSocketErrorCode?, String?)
    {
        let close = try await SocketDriver.connect(
            sandbox, path: SocketDriver.consumerPath(sandbox.account), headers: [.authorization: "jwt \(token)"]
        ) { socket in
            try await socket.drain()
        }
        return (close?.closeCode, close?.reason)
    }

    @Test func revokedTokensAndLoggedOutBearersStayRefusedAfterRestart() async throws {
        let directory = try TemporaryDirectory(prefix: "lp-durable-")
        defer { directory.remove() }
        let data = directory.path + "/data"
        let adjust: (inout SandboxConfiguration) -> Void = { $0.dataDirectory = data }

        let issued = try await SandboxHarness.withSandbox(adjust) { sandbox in
            let revoked = sandbox.consumerToken()
            let kept = sandbox.consumerToken()
            let issued = try await Self.rest(sandbox) { client in
                let account = "/api/account/\(sandbox.account)"
                let external = try #require(
                    try await client.send(.post, account + "/anonymous/authorize").json?["token"]?.stringValue)
                for token in [revoked, external] {
                    let answer = try await client.send(
                        .post, account + "/sandbox/revoke", body: #"{"token":"\#(token)"}"#)
                    #expect(answer.status == .ok, "\(answer.text)")
                }
                let garbage = try await client.send(.post, account + "/sandbox/revoke", body: #"{"token":"x.y.z"}"#)
                #expect(garbage.status == .internalServerError)
                var bearers: [String] = []
                for name in ["leaving", "staying"] {
                    let login = try await client.send(
                        .post, account + "/login?v=1.3", body: #"{"username":"\#(name)","password":"pw"}"#)
                    bearers.append(try login.decode(AgentLoginResponse.self).bearer)
                }
                let logout = try await client.send(
                    .post, account + "/logout", headers: [.authorization: "Bearer \(bearers[0])"])
                #expect(logout.status == .ok)
                return Issued(
                    revoked: revoked, kept: kept, revokedExternal: external, loggedOutBearer: bearers[0],
                    activeBearer: bearers[1])
            }
            let (code, reason) = try await Self.consumerClose(sandbox, token: revoked)
            #expect(code == .unknown(4401) && reason == "Authorization token was revoked")
            return issued
        }

        try await SandboxHarness.withSandbox(adjust) { sandbox in
            let (code, reason) = try await Self.consumerClose(sandbox, token: issued.revoked)
            #expect(code == .unknown(4401) && reason == "Authorization token was revoked")
            try await SocketDriver.connect(
                sandbox, path: SocketDriver.consumerPath(sandbox.account),
                headers: [.authorization: "jwt \(issued.kept)"]
            ) { socket in
                try await socket.send(#"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#)
                #expect(try await socket.next()?["type"]?.stringValue == UMSType.requestConversationResponse)
            }
            try await Self.rest(sandbox) { client in
                let account = "/api/account/\(sandbox.account)"
                let refresh = try await client.send(
                    .post, account + "/anonymous/authorize", body: #"{"id_token":"\#(issued.revokedExternal)"}"#)
                #expect(refresh.status == .internalServerError)
                #expect(refresh.json?["internalErrorCode"]?.stringValue == "1012")
                let skills = account + "/configuration/le-users/skills"
                let gone = try await client.send(
                    .get, skills, headers: [.authorization: "Bearer \(issued.loggedOutBearer)"])
                #expect(gone.status == .unauthorized)
                let active = try await client.send(
                    .get, skills, headers: [.authorization: "Bearer \(issued.activeBearer)"])
                #expect(active.status == .ok)
            }
        }
    }
}
