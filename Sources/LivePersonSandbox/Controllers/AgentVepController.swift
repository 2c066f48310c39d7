import HTTPTypes
import Hummingbird
import LivePersonAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// agentVep login and refresh (spec §4.1) and the account-config reads the agent tutorial makes.
/// Any user name and password log in; each login gets a new bearer for the brand socket.
struct AgentVepController {
    let services: SandboxServices

    func addRoutes(to router: Router<some RequestContext>) {
        router.post("/api/account/:account/login") { request, context in
            try await login(request, account: context.parameters.require("account"))
        }
        router.post("/api/account/:account/refresh") { request, context in
            try await refresh(request, account: context.parameters.require("account"))
        }
        router.post("/api/account/:account/logout") { request, context in
            try await logout(request, account: context.parameters.require("account"))
        }
        router.get("/api/account/:account/configuration/le-users/skills") { request, context in
            try await skills(request, account: context.parameters.require("account"))
        }
        router.get("/api/account/:account/configuration/le-users/users/:user") { _, context in
            try await publicProfile(
                account: context.parameters.require("account"), user: context.parameters.require("user"))
        }
        router.get("/api/account/:account/configuration/le-connectors/all-connectors") { _, context in
            try await connectors(account: context.parameters.require("account"))
        }
    }

    static func error(_ status: HTTPResponse.Status, _ message: String, code: Int) -> Response {
        let body = AgentVepErrorBody(
            time: DateText.agentVep(Date()), message: message, internalCode: code,
            responseStatus: status == .unauthorized ? "UNAUTHORIZED" : "BAD_REQUEST")
        return JSONResponse.make(status, body)
    }

    func login(_ request: Request, account: String) async throws -> Response {
        guard SandboxConfiguration.isValidAccount(account) else {
            return Self.error(.badRequest, "invalid account id '\(account)'", code: 400)
        }
        if let version = request.uri.queryParameters.get("v"), !["1.1", "1.2", "1.3"].contains(version) {
            return Self.error(.badRequest, "unsupported version v=\(version), use 1.1, 1.2 or 1.3", code: 400)
        }
        let body = await JSONResponse.body(of: request)
        guard let login = try? JSONDecoder().decode(AgentLoginRequest.self, from: body) else {
            return Self.error(.badRequest, "body must be JSON with username and password", code: 400)
        }
        guard let username = login.username, !username.isEmpty,
            !(login.password ?? "").isEmpty || !(login.appKey ?? "").isEmpty
        else {
            return Self.error(.unauthorized, "username and password (or appKey) are required", code: 401)
        }
        let session = await services.store.agentLogin(account: account, loginName: username)
        let config = AgentLoginConfig(
            loginName: username, userId: session.userId, userPid: session.userPid,
            serverCurrentTime: Int64(Date().timeIntervalSince1970 * 1000))
        let response = AgentLoginResponse(
            csrf: session.csrf, wsuk: String(StableID.number(session.bearer) % 1_000_000_000_000_000_000),
            config: config,
            csdsCollectionResponse: ServiceBaseURIList(baseURIs: services.baseURIs(account: account)),
            sessionTTl: "28800000", bearer: session.bearer)
        var headers = HTTPFields()
        headers[.setCookie] = "Session_id=\(session.sessionID); Path=/; Secure; HttpOnly"
        return JSONResponse.make(.ok, response, headers: headers)
    }

    func refresh(_ request: Request, account: String) async throws -> Response {
        let body = await JSONResponse.body(of: request)
        let cookie = request.headers[.cookie]?.split(separator: ";").lazy
            .map { SpaceTrimming.spaces($0) }
            .first { $0.hasPrefix("Session_id=") }
            .map { String($0.dropFirst("Session_id=".count)) }
        guard let refresh = try? JSONDecoder().decode(AgentRefreshRequest.self, from: body),
            await services.store.agentRefresh(account: account, sessionID: cookie, csrf: refresh.csrf)
        else {
            return Self.error(.unauthorized, "CSRF token invalid! Please login again", code: 10)
        }
        return Response(status: .ok)
    }

    /// Login Service `logout`: `Authorization: Bearer <bearer>` ends the session; the bearer no longer opens a brand
    /// socket (kept across restarts with `--data`).
    func logout(_ request: Request, account: String) async throws -> Response {
        let bearer = AgentBearer.token(of: request) ?? ""
        guard let session = await services.store.agentSession(bearer: bearer), session.account == account else {
            return Self.error(.unauthorized, "Authorization: Bearer <bearer from login> is required", code: 401)
        }
        do {
            _ = try await services.store.agentLogout(bearer: bearer)
        } catch {
            return Self.error(.internalServerError, error.description, code: 500)
        }
        return Response(status: .ok)
    }

    func skills(_ request: Request, account: String) async throws -> Response {
        let bearer = AgentBearer.token(of: request) ?? ""
        guard let session = await services.store.agentSession(bearer: bearer), session.account == account else {
            return Self.error(.unauthorized, "Authorization: Bearer <bearer from login> is required", code: 401)
        }
        let skills: [[String: WireJSON]] = [
            ["id": .number(-1), "name": .string("Unassigned"), "deleted": .bool(false)],
            ["id": .number(1), "name": .string("sandbox"), "deleted": .bool(false)],
        ]
        return JSONResponse.make(.ok, skills)
    }

    /// The Get Agent Public Profile page's call: the bot, or an agent who logged in (by participant id, as the
    /// consumer knows agents, or by user id).
    func publicProfile(account: String, user: String) async throws -> Response {
        if user == BotAgent.participant.id || user == BotAgent.userId {
            return JSONResponse.make(
                .ok, ["employeeId": "sandbox-bot", "nickname": BotAgent.nickname, "fullName": "Sandbox Echo Bot"])
        }
        guard let agent = await services.store.agent(account: account, user: user) else {
            return JSONResponse.make(.notFound, CSDSErrorBody(code: 404, message: "user '\(user)' not found"))
        }
        return JSONResponse.make(
            .ok, ["employeeId": agent.userId, "nickname": agent.loginName, "fullName": agent.loginName])
    }

    func connectors(account: String) async throws -> Response {
        let info = await services.store.account(account)
        let connector: WireJSON = .object([
            "id": .string(info.connectorID), "name": .string("Sandbox unauthenticated connector"),
            "type": .number(6), "deleted": .bool(false),
            "configuration": .object(["jsMethodName": .string("lpTag.taglets.unAuthMessaging.lpUnauthFunction")]),
        ])
        return JSONResponse.make(.ok, [connector])
    }
}
