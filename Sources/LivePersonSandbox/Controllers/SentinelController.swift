import HTTPTypes
import Hummingbird
import LivePersonAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Sentinel, LivePerson's OAuth 2.0 authorization server (CSDS service `sentinel`): the client-credentials grant that
/// gives a Connector API app its AppJWT (connector-api-send-api-authorization-and-authentication.html, "Get AppJWT";
/// oauth-2-0-client-credentials.html, API V1 and V2). `grant_type`, `client_id` and `client_secret` are read from the
/// form body and from the query, as the pages write them in either place; the body wins when both have one.
/// Refusals are RFC 6749 §5.2 bodies with status 400, the one error status Sentinel's pages list.
struct SentinelController {
    let services: SandboxServices

    /// How long an AppJWT lives: "An AppJWT is valid for one hour".
    static let appJWTLifetime: Int64 = 3600
    /// The `kid` of the docs' decoded AppJWT and ConsumerJWS.
    static let keyID = "appjwt-13-05-17"

    /// The client-credentials parameters, from the form body or the query.
    struct Form: Decodable {
        var grantType: String?
        var clientId: String?
        var clientSecret: String?

        enum CodingKeys: String, CodingKey {
            case grantType = "grant_type"
            case clientId = "client_id"
            case clientSecret = "client_secret"
        }
    }

    func addRoutes(to router: Router<some RequestContext>) {
        for path in ["/sentinel/api/account/:account/app/token", "/sentinel/api/v2/account/:account/app/token"] {
            router.post(RouterPath(path)) { request, context in
                let body = await JSONResponse.body(of: request)
                return token(
                    account: try context.parameters.require("account"), request: request, body: body)
            }
        }
    }

    func token(account: String, request: Request, body: Data) -> Response {
        switch issue(account: account, request: request, body: body) {
        case .success(let answer): JSONResponse.make(.ok, answer)
        case .failure(let refusal): JSONResponse.make(.badRequest, refusal.body)
        }
    }

    /// A refused token request.
    struct Refusal: Error {
        let body: OAuthErrorBody

        init(_ code: OAuthErrorBody.Code, _ description: String) {
            body = OAuthErrorBody(code, description)
        }
    }

    func issue(account: String, request: Request, body: Data) -> Result<SentinelTokenBody, Refusal> {
        guard SandboxConfiguration.isValidAccount(account) else {
            return .failure(Refusal(.invalidRequest, "'\(account)' is not an account id"))
        }
        let contentType = request.headers[.contentType] ?? ""
        if !JSONResponse.isEmpty(body)
            && !contentType.lowercased().hasPrefix("application/x-www-form-urlencoded")
        {
            return .failure(
                Refusal(
                    .invalidRequest,
                    "Content-Type must be application/x-www-form-urlencoded, not '\(contentType)'"))
        }
        let form: Form
        do {
            form = try URLEncodedFormDecoder().decode(Form.self, from: String(decoding: body, as: UTF8.self))
        } catch {
            return .failure(Refusal(.invalidRequest, "the body is not a form: \(error)"))
        }
        let query = request.uri.queryParameters
        let grantType = form.grantType ?? query["grant_type"].map(String.init)
        let clientId = form.clientId ?? query["client_id"].map(String.init)
        let clientSecret = form.clientSecret ?? query["client_secret"].map(String.init)
        guard let grantType, !grantType.isEmpty else {
            return .failure(Refusal(.invalidRequest, "grant_type is missing: use grant_type=client_credentials"))
        }
        guard grantType == "client_credentials" else {
            return .failure(
                Refusal(.unsupportedGrantType, "grant_type '\(grantType)' is not supported: use client_credentials"))
        }
        guard let clientId, !clientId.isEmpty else { return .failure(Refusal(.invalidRequest, "client_id is missing")) }
        guard let clientSecret, !clientSecret.isEmpty else {
            return .failure(Refusal(.invalidRequest, "client_secret is missing"))
        }
        let installation = AppInstallation(account: account)
        guard clientId == installation.clientId else {
            return .failure(
                Refusal(.invalidClient, "client_id '\(clientId)' is not an app installed on account \(account)"))
        }
        guard clientSecret == installation.clientSecret else {
            return .failure(Refusal(.invalidClient, "client_secret is wrong for client_id '\(clientId)'"))
        }
        let now = SandboxServices.nowSeconds()
        let claims = AppJWTClaims(
            aud: account, azp: clientId, scope: AppJWTClaims.consumerScope, iss: AppJWTClaims.issuer,
            exp: now + Self.appJWTLifetime, iat: now)
        return .success(
            SentinelTokenBody(
                accessToken: services.signer.sign(payload: claims, keyID: Self.keyID),
                expiresIn: Self.appJWTLifetime))
    }
}
