import HTTPTypes
import Hummingbird
import LivePersonAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Checks the Connector API's two tokens: the AppJWT in `Authorization` (raw, as the pages send it, or after
/// `Bearer`) and the ConsumerJWS in `X-LP-ON-BEHALF`. A failure is the documented 401 body with the documented
/// error code and title; `details` says what exactly was wrong.
struct ConnectorAuthorization {
    static let onBehalf = HTTPField.Name("X-LP-ON-BEHALF")!

    let signer: TokenSigner

    /// A refused request: the Send API's error body, sent with its status.
    struct Failure: Error {
        let body: SendAPIErrorBody

        init(_ code: SendAPIErrorBody.Code, _ details: String) {
            body = SendAPIErrorBody(code, details: details)
        }

        var response: Response {
            JSONResponse.make(HTTPResponse.Status(code: body.code), body)
        }
    }

    /// The claims of the request's AppJWT, which must be Sentinel's, unexpired and for `account`.
    func appJWT(_ request: Request, account: String) throws(Failure) -> AppJWTClaims {
        guard let token = MessagingSocketController.token(request.headers[.authorization]) else {
            throw Failure(.appJWTMissing, "AUTHORIZATION header is not present")
        }
        let claims: AppJWTClaims
        do {
            claims = try JSONDecoder().decode(AppJWTClaims.self, from: try signer.verifiedPayload(token))
        } catch {
            throw Failure(
                .invalidAppJWT, "AppJWT has expired or is invalid: the Authorization header is not a Sentinel AppJWT")
        }
        guard claims.iss == AppJWTClaims.issuer else {
            throw Failure(.missingParameter, "AppJWT claim iss is '\(claims.iss)', not 'Sentinel'")
        }
        guard claims.exp > SandboxServices.nowSeconds() else {
            throw Failure(.invalidAppJWT, "AppJWT has expired or is invalid: it expired at \(claims.exp) (epoch s)")
        }
        guard claims.aud == account else {
            throw Failure(
                .invalidAppJWT, "AppJWT has expired or is invalid: it is for account \(claims.aud), not \(account)")
        }
        return claims
    }

    /// The claims of the request's ConsumerJWS, which must be the IdP's and for `account`.
    func consumerJWS(_ request: Request, account: String) throws(Failure) -> ConsumerJWSClaims {
        guard let token = request.headers[Self.onBehalf].map { SpaceTrimming.spaces($0) }, !token.isEmpty
        else { throw Failure(.consumerJWSMissing, "X_ON_BEHALF_HEADER is not present") }
        let claims: ConsumerJWSClaims
        do {
            claims = try JSONDecoder().decode(ConsumerJWSClaims.self, from: try signer.verifiedPayload(token))
        } catch {
            throw Failure(
                .invalidConsumerJWS, "ConsumerJWS is invalid: X-LP-ON-BEHALF is not a ConsumerJWS of this IdP")
        }
        guard claims.accountId == account else {
            throw Failure(
                .invalidConsumerJWS, "ConsumerJWS is invalid: it is for account \(claims.accountId), not \(account)")
        }
        return claims
    }
}
