import Foundation
import LivePersonAPI
import Testing

@testable import LivePersonSandbox

/// The Connector API flow of the pages, run with real curl: AppJWT from Sentinel, ConsumerJWS from the IdP, then the
/// Send API with both.
struct ConnectorClient {
    let sandbox: RunningSandbox

    var installation: AppInstallation { AppInstallation(account: sandbox.account) }

    /// The page's request: `grant_type` in the query, the credentials as the form body.
    func appJWT() async throws -> String {
        let answer = try await Curl.post(
            sandbox, "/sentinel/api/account/\(sandbox.account)/app/token?v=1.0&grant_type=client_credentials",
            headers: ["Content-Type: application/x-www-form-urlencoded"],
            body: "client_id=\(installation.clientId)&client_secret=\(installation.clientSecret)")
        #expect(answer.status == 200, "\(answer)")
        return try #require(answer.json?["access_token"]?.stringValue, "\(answer)")
    }

    func consumerJWS(appJWT: String, extConsumerId: String) async throws -> String {
        let answer = try await Curl.post(
            sandbox, "/api/account/\(sandbox.account)/consumer?v=1.0",
            headers: ["Content-Type: application/json", "Authorization: \(appJWT)"],
            body: #"{"ext_consumer_id":"\#(extConsumerId)"}"#)
        #expect(answer.status == 201, "\(answer)")
        return try #require(answer.json?["token"]?.stringValue, "\(answer)")
    }

    /// POSTs `body` to `conversation` (batch) or `conversation/send`.
    func send(_ body: String, appJWT: String, jws: String, batch: Bool = false) async throws -> Curl.Answer {
        try await Curl.post(
            sandbox,
            "/api/account/\(sandbox.account)/messaging/consumer/conversation\(batch ? "" : "/send")?v=3",
            headers: ["Content-Type: application/json", "Authorization: \(appJWT)", "X-LP-ON-BEHALF: \(jws)"],
            body: body)
    }

    /// The consumer id a ConsumerJWS names (its `lp_consumer_id`).
    static func lpConsumerId(_ jws: String) throws -> String {
        let payload = try #require(jws.split(separator: ".").dropFirst().first)
        var base64 = payload.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let data = try #require(Data(base64Encoded: base64))
        return try JSONDecoder().decode(ConsumerJWSClaims.self, from: data).lpConsumerId
    }
}
