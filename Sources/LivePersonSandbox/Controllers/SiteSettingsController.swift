import HTTPTypes
import Hummingbird
import LivePersonAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Site settings through the account-config API, as LivePerson serves it on `accountConfigReadOnly` (reads) and
/// `accountConfigReadWrite` (writes) — one host in the sandbox:
///
/// - `GET  /api/account/{a}/configuration/setting/properties?v=3.0`: every setting, an array;
/// - `GET  /api/account/{a}/configuration/setting/properties/{id}?v=3.0`: one setting;
/// - `PUT  /api/account/{a}/configuration/setting/properties/{id}?v=3.0` with
///   `{"id":…,"type":1,"propertyValue":{"value":true},"deleted":false}`: writes it, answers it.
///
/// Every call needs `Authorization: Bearer <agent bearer>` of the same account (401 otherwise). Answers carry the
/// settings' revision in `ac-revision` and `ETag`; `If-Match` is accepted and not compared.
struct SiteSettingsController {
    let services: SandboxServices

    static let collection = "/api/account/:account/configuration/setting/properties"

    func addRoutes(to router: Router<some RequestContext>) {
        router.get(RouterPath(Self.collection)) { request, context in
            try await list(request, account: context.parameters.require("account"))
        }
        router.get(RouterPath(Self.collection + "/:property")) { request, context in
            try await read(
                request, account: context.parameters.require("account"), id: context.parameters.require("property"))
        }
        router.put(RouterPath(Self.collection + "/:property")) { request, context in
            try await write(
                request, account: context.parameters.require("account"), id: context.parameters.require("property"))
        }
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        JSONResponse.make(status, CSDSErrorBody(code: Int(status.code), message: message))
    }

    /// The refusal for a request without a usable agent bearer or version, or nil.
    func check(_ request: Request, account: String) async -> Response? {
        guard SandboxConfiguration.isValidAccount(account) else {
            return Self.error(.badRequest, "invalid account id '\(account)'")
        }
        if let version = request.uri.queryParameters.get("v"), version != "3.0", version != "3" {
            return Self.error(.badRequest, "unsupported version v=\(version), use v=3.0")
        }
        guard let token = AgentBearer.token(of: request) else {
            return Self.error(.unauthorized, "Authorization: Bearer <agent bearer from login> is required")
        }
        let bearer = SpaceTrimming.spaces(token)
        guard let session = await services.store.agentSession(bearer: bearer) else {
            return Self.error(.unauthorized, "unknown or expired bearer; log in again")
        }
        guard session.account == account else {
            return Self.error(.unauthorized, "the bearer belongs to account \(session.account), not \(account)")
        }
        return nil
    }

    static func revisionHeaders(_ revision: Int) -> HTTPFields {
        var headers = HTTPFields()
        headers[HTTPField.Name("ac-revision")!] = String(revision)
        headers[.eTag] = "\"\(revision)\""
        return headers
    }

    func list(_ request: Request, account: String) async throws -> Response {
        if let refusal = await check(request, account: account) { return refusal }
        let (properties, revision) = await services.store.siteProperties(account: account)
        return JSONResponse.make(.ok, properties, headers: Self.revisionHeaders(revision))
    }

    func read(_ request: Request, account: String, id: String) async throws -> Response {
        if let refusal = await check(request, account: account) { return refusal }
        guard let property = await services.store.siteProperty(account: account, id: id) else {
            return Self.error(.notFound, "site setting '\(id)' not found in account \(account)")
        }
        let revision = await services.store.siteProperties(account: account).revision
        return JSONResponse.make(.ok, property, headers: Self.revisionHeaders(revision))
    }

    func write(_ request: Request, account: String, id: String) async throws -> Response {
        if let refusal = await check(request, account: account) { return refusal }
        let data = await JSONResponse.body(of: request)
        let body = try? JSONDecoder().decode(WireJSON.self, from: data)
        switch SitePropertyUpdate.parse(id: id, body: body) {
        case .failure(let refusal):
            return Self.error(.badRequest, refusal.message)
        case .success(let property):
            do {
                let (stored, revision) = try await services.store.setSiteProperty(account: account, property)
                return JSONResponse.make(.ok, stored, headers: Self.revisionHeaders(revision))
            } catch {
                return Self.error(.internalServerError, error.description)
            }
        }
    }
}
