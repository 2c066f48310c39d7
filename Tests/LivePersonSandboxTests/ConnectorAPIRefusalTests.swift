import Foundation
import LivePersonAPI
import ShellTestSupport
import Testing

@testable import LivePersonSandbox

/// Every refusal of Sentinel, the IdP's `consumer` call and the Send API, asked with real curl (`Peers.curl`,
/// Debian bookworm's curl 7.88.1): the documented status, error code and title, and a detail that names what was
/// wrong.
@Suite(.timeLimit(.minutes(1)), .enabled(if: Peers.curl.isInstalled, "needs /usr/bin/curl (Debian's curl)"))
struct ConnectorAPIRefusalTests {
    static let form = "Content-Type: application/x-www-form-urlencoded"

    @Test func sentinelTakesTheCredentialsFromTheQueryOrTheBodyAndRefusesWrongOnes() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let app = AppInstallation(account: sandbox.account)
            let path = "/sentinel/api/account/\(sandbox.account)/app/token"
            let v2 = "/sentinel/api/v2/account/\(sandbox.account)/app/token"
            let good = "client_id=\(app.clientId)&client_secret=\(app.clientSecret)"

            let inQuery = try await Curl.post(sandbox, "\(path)?v=1.0&grant_type=client_credentials&\(good)")
            #expect(inQuery.status == 200, "\(inQuery)")
            #expect(inQuery.json?["token_type"]?.stringValue == "Bearer")
            #expect(inQuery.json?["expires_in"]?.intValue == 3600)
            let inBody = try await Curl.post(
                sandbox, v2, headers: [Self.form], body: "\(good)&grant_type=client_credentials")
            #expect(inBody.status == 200, "\(inBody)")
            let token = try #require(inBody.json?["access_token"]?.stringValue)
            let payload = try #require(
                TokenSigner.unverifiedClaims(token), "the AppJWT is not a JWT: \(token)")
            #expect(payload["aud"]?.stringValue == sandbox.account)
            #expect(payload["azp"]?.stringValue == app.clientId)
            #expect(payload["scope"]?.stringValue == "msg.consumer")
            #expect(payload["iss"]?.stringValue == "Sentinel")

            let cases: [(body: String, query: String, headers: [String], error: String, mentions: String)] = [
                (
                    "client_id=\(app.clientId)&client_secret=wrong", "grant_type=client_credentials", [Self.form],
                    "invalid_client", "client_secret is wrong"
                ),
                (
                    "client_id=someone-else&client_secret=\(app.clientSecret)", "grant_type=client_credentials",
                    [Self.form], "invalid_client", "'someone-else'"
                ),
                (good, "grant_type=password", [Self.form], "unsupported_grant_type", "'password'"),
                (good, "v=1.0", [Self.form], "invalid_request", "grant_type is missing"),
                (
                    "client_secret=\(app.clientSecret)", "grant_type=client_credentials", [Self.form],
                    "invalid_request", "client_id is missing"
                ),
                (
                    #"{"client_id":"\#(app.clientId)"}"#, "grant_type=client_credentials",
                    ["Content-Type: application/json"], "invalid_request", "'application/json'"
                ),
            ]
            for refused in cases {
                let answer = try await Curl.post(
                    sandbox, "\(path)?\(refused.query)", headers: refused.headers, body: refused.body)
                #expect(answer.status == 400, "\(refused): \(answer)")
                #expect(answer.json?["error"]?.stringValue == refused.error, "\(refused): \(answer)")
                #expect(
                    answer.json?["error_description"]?.stringValue?.contains(refused.mentions) == true,
                    "\(refused): \(answer)")
            }
        }
    }

    /// Tokens the checks must refuse: expired, for another account, not from Sentinel.
    static func forgedAppJWT(_ sandbox: RunningSandbox, aud: String? = nil, iss: String = "Sentinel", age: Int64 = 0)
        -> String
    {
        let now = SandboxServices.nowSeconds() - age
        return sandbox.services.signer.sign(
            payload: AppJWTClaims(
                aud: aud ?? sandbox.account, azp: "x", scope: "msg.consumer", iss: iss, exp: now + 3600, iat: now),
            keyID: SentinelController.keyID)
    }

    @Test func consumerJWSNeedsAnAppJWTAndAnExternalId() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let appJWT = try await ConnectorClient(sandbox: sandbox).appJWT()
            let path = "/api/account/\(sandbox.account)/consumer?v=1.0"
            let json = "Content-Type: application/json"
            let body = #"{"ext_consumer_id":"someone"}"#
            let cases: [(headers: [String], body: String, status: Int, errorCode: Int, mentions: String)] = [
                ([json], body, 401, 40105, "AUTHORIZATION header is not present"),
                ([json, "Authorization: not-a-token"], body, 401, 40102, "not a Sentinel AppJWT"),
                ([json, "Authorization: \(sandbox.consumerToken())"], body, 401, 40102, "not a Sentinel AppJWT"),
                ([json, "Authorization: \(Self.forgedAppJWT(sandbox, age: 7200))"], body, 401, 40102, "expired"),
                (
                    [json, "Authorization: \(Self.forgedAppJWT(sandbox, aud: "other"))"], body, 401, 40102,
                    "for account other"
                ),
                // 40001 is a 400 (the code's first three digits), also for a wrong AppJWT claim, as the page says.
                (
                    [json, "Authorization: \(Self.forgedAppJWT(sandbox, iss: "Mallory"))"], body, 400, 40001,
                    "'Mallory'"
                ),
                ([json, "Authorization: \(appJWT)"], "{}", 400, 40001, "ext_consumer_id is missing"),
                (
                    [json, "Authorization: \(appJWT)"], #"{"ext_consumer_id":""}"#, 400, 40001,
                    "ext_consumer_id is missing"
                ),
            ]
            for refused in cases {
                let answer = try await Curl.post(sandbox, path, headers: refused.headers, body: refused.body)
                #expect(answer.status == refused.status, "\(refused.mentions): \(answer)")
                #expect(answer.json?["kind"]?.stringValue == "resp", "\(answer)")
                #expect(answer.json?["type"]?.stringValue == ".ReqBody$ErrorResp", "\(answer)")
                #expect(answer.json?["code"]?.intValue == refused.status, "\(answer)")
                #expect(answer.json?["body"]?["errorCode"]?.intValue == refused.errorCode, "\(answer)")
                #expect(
                    answer.json?["body"]?["details"]?.stringValue?.contains(refused.mentions) == true, "\(answer)")
            }
            // `Bearer` in front of the AppJWT is accepted too.
            let bearer = try await Curl.post(
                sandbox, path, headers: [json, "Authorization: Bearer \(appJWT)"], body: body)
            #expect(bearer.status == 201, "\(bearer)")
        }
    }

    @Test func sendAPIRefusesMissingOrWrongTokensAndUnreadableBodies() async throws {
        try await SandboxHarness.withSandbox { sandbox in
            let client = ConnectorClient(sandbox: sandbox)
            let appJWT = try await client.appJWT()
            let jws = try await client.consumerJWS(appJWT: appJWT, extConsumerId: "refused")
            let otherAccountJWS = sandbox.services.signer.sign(
                payload: ConsumerJWSClaims(accountId: "other", extConsumerId: "x", lpConsumerId: "y"),
                keyID: SentinelController.keyID)
            let path = "/api/account/\(sandbox.account)/messaging/consumer/conversation/send?v=3"
            let json = "Content-Type: application/json"
            let request = #"{"kind":"req","id":"1","type":"cm.ConsumerRequestConversation","body":{}}"#
            let unauthorized: [(headers: [String], errorCode: Int, mentions: String)] = [
                ([json, "X-LP-ON-BEHALF: \(jws)"], 40105, "AUTHORIZATION header is not present"),
                ([json, "Authorization: \(appJWT)"], 40104, "X_ON_BEHALF_HEADER is not present"),
                ([json, "Authorization: \(appJWT)", "X-LP-ON-BEHALF: \(appJWT)"], 40103, "not a ConsumerJWS"),
                ([json, "Authorization: \(jws)", "X-LP-ON-BEHALF: \(jws)"], 40102, "not a Sentinel AppJWT"),
                (
                    [json, "Authorization: \(appJWT)", "X-LP-ON-BEHALF: \(otherAccountJWS)"], 40103,
                    "for account other"
                ),
            ]
            for refused in unauthorized {
                let answer = try await Curl.post(sandbox, path, headers: refused.headers, body: request)
                #expect(answer.status == 401, "\(refused.mentions): \(answer)")
                #expect(answer.json?["body"]?["errorCode"]?.intValue == refused.errorCode, "\(answer)")
                #expect(
                    answer.json?["body"]?["details"]?.stringValue?.contains(refused.mentions) == true, "\(answer)")
            }
            let tokens = ["Authorization: \(appJWT)", "X-LP-ON-BEHALF: \(jws)"]
            let badRequests: [(headers: [String], body: String, mentions: String)] = [
                (tokens + ["Content-Type: text/plain"], request, "Content-Type must be application/json"),
                (tokens, request, "Content-Type must be application/json"),
                (tokens + [json], "{not json", "Bad JSON"),
                (tokens + [json], "[]", "The batch is empty"),
                (tokens + [json], "42", "must be a UMS request object"),
                (
                    tokens + [json], #"{"kind":"req","id":"9","type":"ms.NoSuchRequest","body":{}}"#,
                    "Unknown request type 'ms.NoSuchRequest'"
                ),
                (tokens + [json], #"{"kind":"req","type":"ms.PublishEvent"}"#, "id is missing"),
            ]
            for refused in badRequests {
                let answer = try await Curl.post(sandbox, path, headers: refused.headers, body: refused.body)
                #expect(answer.status == 400, "\(refused.mentions): \(answer)")
                #expect(answer.json?["code"]?.intValue == 400, "\(answer)")
                #expect(answer.json?["body"]?.stringValue?.contains(refused.mentions) == true, "\(answer)")
            }
        }
    }
}
