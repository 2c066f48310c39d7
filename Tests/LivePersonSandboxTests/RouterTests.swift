import Base64Codec
import Foundation
import HTTPTypes
import LivePersonAPI
import Testing

@testable import LivePersonSandbox

struct CSDSRouterTests {
    @Test func singleServiceReturnsBareHostPort() async throws {
        try await SandboxHarness.withRouter { client in
            for prefix in ["/api", "/csdr"] {
                let answer = try await client.send(.get, "\(prefix)/account/le1/service/idp/baseURI.json?version=1.0")
                #expect(answer.status == .ok)
                #expect(
                    try answer.decode(ServiceBaseURI.self)
                        == ServiceBaseURI(service: "idp", account: "le1", baseURI: "127.0.0.1:8443"))
            }
        }
    }

    @Test func allServicesListEverySpecService() async throws {
        try await SandboxHarness.withRouter { client in
            for prefix in ["/api", "/csdr"] {
                let answer = try await client.send(.get, "\(prefix)/account/le1/service/baseURI.json?version=1.0")
                #expect(answer.status == .ok)
                let list = try answer.decode(ServiceBaseURIList.self)
                let names = Set(list.baseURIs.map(\.service))
                for required in [
                    "idp", "asyncMessagingEnt", "asyncMessaging", "agentVep", "accountConfigReadOnly",
                    "accountConfigReadWrite", "acCdnDomain", "swift", "msgHist", "sentinel",
                ] {
                    #expect(names.contains(required))
                }
                #expect(list.baseURIs.allSatisfy { $0.baseURI == "127.0.0.1:8443" && $0.account == "le1" })
            }
        }
    }

    @Test func errors() async throws {
        try await SandboxHarness.withRouter { client in
            let unknown = try await client.send(.get, "/api/account/le1/service/nope/baseURI.json?version=1.0")
            #expect(unknown.status == .notFound)
            #expect(unknown.json?["message"]?.stringValue == "service 'nope' not found for account 'le1'")
            let noVersion = try await client.send(.get, "/api/account/le1/service/idp/baseURI.json")
            #expect(noVersion.status == .badRequest)
            let badVersion = try await client.send(.get, "/api/account/le1/service/baseURI.json?version=2.0")
            #expect(badVersion.status == .badRequest)
            let badAccount = try await client.send(.get, "/api/account/a%20b/service/idp/baseURI.json?version=1.0")
            #expect(badAccount.status == .badRequest)
        }
    }
}

struct IdPRouterTests {
    static func claims(_ token: String) -> WireJSON? {
        let parts = token.split(separator: ".")
        guard parts.count == 3, let data = (Base64Coding.decodeURL(parts[1]).map { Data($0) }) else { return nil }
        return try? JSONDecoder().decode(WireJSON.self, from: data)
    }

    static func header(_ token: String) -> WireJSON? {
        guard let first = token.split(separator: ".").first, let data = (Base64Coding.decodeURL(first).map { Data($0) })
        else { return nil }
        return try? JSONDecoder().decode(WireJSON.self, from: data)
    }

    static func errorCode(_ answer: RESTAnswer) -> String? {
        answer.json?["internalErrorCode"]?.stringValue
    }

    @Test func signupIssuesRS256ConsumerJWT() async throws {
        try await SandboxHarness.withRouter { client in
            let answer = try await client.send(.post, "/api/account/qa1/signup")
            #expect(answer.status == .ok)
            let jwt = try #require(answer.json?["jwt"]?.stringValue)
            #expect(
                Self.header(jwt) == .object(["kid": .string("00001"), "typ": .string("JWT"), "alg": .string("RS256")]))
            let claims = try #require(Self.claims(jwt))
            #expect(claims["aud"]?.stringValue == "acc:qa1")
            #expect(claims["iss"]?.stringValue == "https://idp.liveperson.net")
            #expect(claims["sub"]?.stringValue?.count == 36)
            let iat = try #require(claims["iat"]?.intValue)
            let exp = try #require(claims["exp"]?.intValue)
            #expect(exp - iat == 410_240_040)
            #expect(try client.services.signer.verify(jwt, now: Int64(iat)).sub == claims["sub"]?.stringValue)
        }
    }

    @Test func jwksPublishesTheSigningKey() async throws {
        try await SandboxHarness.withRouter { client in
            let answer = try await client.send(.get, "/.well-known/jwks.json")
            #expect(answer.status == .ok)
            let set = try answer.decode(JSONWebKeySet.self)
            #expect(set.keys.count == 1)
            #expect(set.keys.first?.kid == "00001")
            #expect(set.keys.first?.e == "AQAB")
            #expect((set.keys.first?.n.count ?? 0) > 300)
        }
    }

    @Test func authenticateWithBrandToken() async throws {
        try await SandboxHarness.withRouter { client in
            let brand =
                "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9."
                + Base64Coding.encodeURL(
                    Array(#"{"sub":"+972-3-5555-555","iss":"https://brand","exp":4102444800}"#.utf8))
                + ".c2ln"
            let answer = try await client.send(
                .post, "/api/account/qa1/authenticate", body: #"{"authCode":"\#(brand)"}"#)
            #expect(answer.status == .ok)
            let jwt = try #require(answer.json?["jwt"]?.stringValue)
            let claims = try #require(Self.claims(jwt))
            #expect(claims["sub"]?.stringValue?.count == 64)
            #expect(claims["exp"]?.intValue == 4_102_444_800)
            #expect(claims["lp.ext"]?["sub"]?.stringValue == "+972-3-5555-555")

            let missing = try await client.send(.post, "/api/account/qa1/authenticate")
            #expect(missing.status == .badRequest)
            #expect(Self.errorCode(missing) == "9012")
            let notJWT = try await client.send(.post, "/api/account/qa1/authenticate", body: #"{"authCode":"abc"}"#)
            #expect(notJWT.status == .internalServerError)
            #expect(Self.errorCode(notJWT) == "1008")
        }
    }

    @Test func anonymousAuthorizeCreatesAndRefreshes() async throws {
        try await SandboxHarness.withRouter({ $0.externalTokenTTL = .seconds(30) }) { client in
            let created = try await client.send(.post, "/api/account/qa1/anonymous/authorize", body: "")
            #expect(created.status == .ok)
            let token = try #require(created.json?["token"]?.stringValue)
            let claims = try #require(Self.claims(token))
            let iat = try #require(claims["iat"]?.intValue)
            let exp = try #require(claims["exp"]?.intValue)
            #expect(exp - iat == 30)
            let refreshUntil = try #require(claims["lp.refresh_until"]?.intValue)
            #expect(refreshUntil - iat == 730 * 3600)

            let refreshed = try await client.send(
                .post, "/api/account/qa1/anonymous/authorize", body: #"{ "id_token":"\#(token)" }"#)
            #expect(refreshed.status == .ok)
            let freshToken = try #require(refreshed.json?["token"]?.stringValue)
            let fresh = try #require(Self.claims(freshToken))
            #expect(fresh["sub"] == claims["sub"])
            #expect(fresh["lp.refresh_until"] == claims["lp.refresh_until"])
        }
    }

    @Test func anonymousAuthorizeErrors() async throws {
        try await SandboxHarness.withRouter { client in
            let signer = client.services.signer
            let now = SandboxServices.nowSeconds()
            func external(account: String = "qa1", exp: Int64, refreshUntil: Int64) -> String {
                signer.sign(
                    TokenClaims(
                        sub: "s", aud: "acc:\(account)", iss: TokenSigner.issuer, exp: exp, iat: now - 10,
                        kind: .external,
                        refreshUntil: refreshUntil))
            }
            let path = "/api/account/qa1/anonymous/authorize"
            let windowOver = try await client.send(
                .post, path, body: #"{"id_token":"\#(external(exp: now - 5, refreshUntil: now - 1))"}"#)
            #expect(windowOver.status == .internalServerError)
            #expect(Self.errorCode(windowOver) == "2001")
            let foreign = try await client.send(
                .post, path,
                body: #"{"id_token":"\#(external(account: "other", exp: now + 60, refreshUntil: now + 60))"}"#)
            #expect(Self.errorCode(foreign) == "2004")
            var tampered = external(exp: now + 60, refreshUntil: now + 60)
            tampered.removeLast(4)
            tampered += "AAAA"
            let bad = try await client.send(.post, path, body: #"{"id_token":"\#(tampered)"}"#)
            #expect(Self.errorCode(bad) == "2002")
            let garbage = try await client.send(.post, path, body: #"{"id_token":"x.y"}"#)
            #expect(Self.errorCode(garbage) == "1008")
            let notJSON = try await client.send(.post, path, body: "{nope")
            #expect(notJSON.status == .badRequest)
            #expect(Self.errorCode(notJSON) == "9012")
        }
    }

    @Test func appAuthenticateExchangesForUnauthenticatedConsumerToken() async throws {
        try await SandboxHarness.withRouter { client in
            let connector = await client.services.store.account("qa1").connectorID
            let external = try #require(
                try await client.send(.post, "/api/account/qa1/anonymous/authorize").json?["token"]?.stringValue)
            let exchanged = try await client.send(
                .post, "/api/account/qa1/app/\(connector)/authenticate?v=3.0", body: #"{"id_token" : "\#(external)"}"#)
            #expect(exchanged.status == .ok)
            let token = try #require(exchanged.json?["token"]?.stringValue)
            let claims = try #require(Self.claims(token))
            #expect(claims["sub"] == Self.claims(external)?["sub"])
            #expect(claims["exp"] == Self.claims(external)?["exp"])
            #expect(claims["lp.kind"]?.stringValue == "consumer-unauth")
            #expect(claims["aud"]?.stringValue == "acc:qa1")

            let unknown = try await client.send(
                .post, "/api/account/qa1/app/123/authenticate?v=3.0", body: #"{"id_token":"\#(external)"}"#)
            #expect(unknown.status == .internalServerError)
            #expect(Self.errorCode(unknown) == "1024")
            let empty = try await client.send(
                .post, "/api/account/qa1/app//authenticate?v=3.0", body: #"{"id_token":"\#(external)"}"#)
            #expect(Self.errorCode(empty) == "1024")
            let missing = try await client.send(.post, "/api/account/qa1/app/\(connector)/authenticate?v=3.0")
            #expect(missing.status == .badRequest)
            #expect(Self.errorCode(missing) == "9012")
            let consumerToken = try #require(
                try await client.send(.post, "/api/account/qa1/signup").json?["jwt"]?.stringValue)
            let wrongKind = try await client.send(
                .post, "/api/account/qa1/app/\(connector)/authenticate?v=3.0",
                body: #"{"id_token":"\#(consumerToken)"}"#)
            #expect(Self.errorCode(wrongKind) == "2002")
            let now = SandboxServices.nowSeconds()
            let expired = client.services.signer.sign(
                TokenClaims(
                    sub: "s", aud: "acc:qa1", iss: TokenSigner.issuer, exp: now - 1, iat: now - 100, kind: .external,
                    refreshUntil: now + 100))
            let expiredAnswer = try await client.send(
                .post, "/api/account/qa1/app/\(connector)/authenticate?v=3.0", body: #"{"id_token":"\#(expired)"}"#)
            #expect(Self.errorCode(expiredAnswer) == "1012")
        }
    }
}

struct AgentVepRouterTests {
    @Test func loginRefreshAndConfig() async throws {
        try await SandboxHarness.withRouter { client in
            for version in ["1.1", "1.2", "1.3"] {
                let answer = try await client.send(
                    .post, "/api/account/qa1/login?v=\(version)", body: #"{"username":"agent","password":"pw"}"#)
                #expect(answer.status == .ok)
                let login = try answer.decode(AgentLoginResponse.self)
                #expect(login.bearer.count == 64)
                #expect(login.config.loginName == "agent")
                #expect(login.csdsCollectionResponse.baseURIs.contains { $0.service == "agentVep" })
                let cookie = try #require(answer.headers[.setCookie])
                #expect(cookie.hasPrefix("Session_id="))
                let session = String(cookie.split(separator: ";")[0])

                let refreshed = try await client.send(
                    .post, "/api/account/qa1/refresh", body: #"{"csrf":"\#(login.csrf)"}"#, headers: [.cookie: session])
                #expect(refreshed.status == .ok)
                let skills = try await client.send(
                    .get, "/api/account/qa1/configuration/le-users/skills?v=2.0",
                    headers: [.authorization: "Bearer \(login.bearer)"])
                #expect(skills.status == .ok)
                #expect(skills.json?.elements.isEmpty == false)
            }
            let badCSRF = try await client.send(.post, "/api/account/qa1/refresh", body: #"{"csrf":"nope"}"#)
            #expect(badCSRF.status == .unauthorized)
            #expect(badCSRF.json?["error"]?["responseStatus"]?.stringValue == "UNAUTHORIZED")
            let noBody = try await client.send(.post, "/api/account/qa1/login?v=1.3")
            #expect(noBody.status == .badRequest)
            let noPassword = try await client.send(.post, "/api/account/qa1/login?v=1.3", body: #"{"username":"a"}"#)
            #expect(noPassword.status == .unauthorized)
            let badVersion = try await client.send(
                .post, "/api/account/qa1/login?v=9", body: #"{"username":"agent","password":"pw"}"#)
            #expect(badVersion.status == .badRequest)
            let noBearer = try await client.send(.get, "/api/account/qa1/configuration/le-users/skills?v=2.0")
            #expect(noBearer.status == .unauthorized)
        }
    }

    @Test func connectorsAndBotProfile() async throws {
        try await SandboxHarness.withRouter { client in
            let connector = await client.services.store.account("qa1").connectorID
            let connectors = try await client.send(.get, "/api/account/qa1/configuration/le-connectors/all-connectors")
            #expect(connectors.json?.elements.first?["id"]?.stringValue == connector)
            let profile = try await client.send(
                .get, "/api/account/qa1/configuration/le-users/users/\(BotAgent.participant.id)")
            #expect(profile.json?["nickname"]?.stringValue == BotAgent.nickname)
            let unknown = try await client.send(.get, "/api/account/qa1/configuration/le-users/users/nobody")
            #expect(unknown.status == .notFound)
        }
    }

    /// The Get Agent Public Profile page asks for `$LP_AGENT_PID`: a logged-in agent, by participant id or user id,
    /// in its own account only.
    @Test func aLoggedInAgentsPublicProfile() async throws {
        try await SandboxHarness.withRouter { client in
            let agent = await client.services.store.agentLogin(account: "qa1", loginName: "alice")
            for user in [agent.userPid, agent.userId] {
                let profile = try await client.send(.get, "/api/account/qa1/configuration/le-users/users/\(user)")
                #expect(profile.status == .ok, "\(user)")
                #expect(profile.json?["nickname"]?.stringValue == "alice")
                #expect(profile.json?["employeeId"]?.stringValue == agent.userId)
            }
            let elsewhere = try await client.send(
                .get, "/api/account/qa2/configuration/le-users/users/\(agent.userPid)")
            #expect(elsewhere.status == .notFound)
        }
    }
}
