import Hummingbird
import LivePersonAPI

/// CSDS, the Domain API (spec §1): one service or all services of an account, under `/api` and `/csdr`.
struct CSDSController {
    let services: SandboxServices

    func addRoutes(to router: Router<some RequestContext>) {
        for prefix in ["/api", "/csdr"] {
            router.get("\(prefix)/account/:account/service/baseURI.json") { request, context in
                try await all(request, account: context.parameters.require("account"))
            }
            router.get("\(prefix)/account/:account/service/:service/baseURI.json") { request, context in
                try await single(
                    request, account: context.parameters.require("account"),
                    service: context.parameters.require("service"))
            }
        }
    }

    func check(_ request: Request, account: String) -> Response? {
        guard let version = request.uri.queryParameters.get("version") else {
            return JSONResponse.make(.badRequest, CSDSErrorBody(code: 400, message: "query parameter version=1.0 is required"))
        }
        guard version == "1.0" else {
            return JSONResponse.make(.badRequest, CSDSErrorBody(code: 400, message: "unsupported version '\(version)', use 1.0"))
        }
        guard SandboxConfiguration.isValidAccount(account) else {
            return JSONResponse.make(.badRequest, CSDSErrorBody(code: 400, message: "invalid account id '\(account)'"))
        }
        return nil
    }

    func all(_ request: Request, account: String) async throws -> Response {
        if let failure = check(request, account: account) { return failure }
        _ = await services.store.account(account)
        return JSONResponse.make(.ok, ServiceBaseURIList(baseURIs: services.baseURIs(account: account)))
    }

    func single(_ request: Request, account: String, service: String) async throws -> Response {
        if let failure = check(request, account: account) { return failure }
        guard let entry = services.baseURIs(account: account).first(where: { $0.service == service }) else {
            return JSONResponse.make(
                .notFound,
                CSDSErrorBody(code: 404, message: "service '\(service)' not found for account '\(account)'"))
        }
        _ = await services.store.account(account)
        return JSONResponse.make(.ok, entry)
    }
}
