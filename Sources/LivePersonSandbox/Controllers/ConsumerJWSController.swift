import HTTPTypes
import Hummingbird
import LivePersonAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The IdP's Connector API call (CSDS service `idp`): `POST /api/account/{a}/consumer?v=1.0` with an AppJWT in
/// `Authorization` and `{"ext_consumer_id": …}` answers 201 `{"token": <ConsumerJWS>}`
/// (connector-api-send-api-authorization-and-authentication.html, "Get ConsumerJWT"). The JWS names the consumer by
/// ``ConsumerIdentity``: the same `ext_consumer_id` always gives the same consumer.
struct ConsumerJWSController {
    let services: SandboxServices

    func addRoutes(to router: Router<some RequestContext>) {
        router.post("/api/account/:account/consumer") { request, context in
            let account = try context.parameters.require("account")
            let body = await JSONResponse.body(of: request)
            return answer(account: account, request: request, body: body)
        }
    }

    func answer(account: String, request: Request, body: Data) -> Response {
        do {
            return try issue(account: account, request: request, body: body)
        } catch {
            return error.response
        }
    }

    func issue(account: String, request: Request, body: Data) throws(ConnectorAuthorization.Failure) -> Response {
        _ = try ConnectorAuthorization(signer: services.signer).appJWT(request, account: account)
        guard let consumer = try? JSONDecoder().decode(ConsumerJWSRequest.self, from: body),
            !consumer.extConsumerId.isEmpty
        else {
            throw .init(.missingParameter, #"ext_consumer_id is missing: send {"ext_consumer_id": "<your id>"}"#)
        }
        let claims = ConsumerJWSClaims(
            accountId: account, extConsumerId: consumer.extConsumerId,
            lpConsumerId: ConsumerIdentity.id(account: account, brandConsumerId: consumer.extConsumerId))
        return JSONResponse.make(
            .created, TokenBody(token: services.signer.sign(payload: claims, keyID: SentinelController.keyID)))
    }
}
