import HTTPTypes
import Hummingbird
import NIOCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The class routes under `/class/`: the CA, joining and reporting for learners; the dashboard, its session, the
/// roster, its event stream, the agent console's sessions and the join code for the teacher. A wrong or missing
/// key gets `401` and nothing else; keys, tokens and codes are never logged.
struct ClassController {
    let room: ClassRoom

    static let cookieName = "lp_class"
    static let largestReport = 16 * 1024

    struct Failure: Encodable {
        let error: String
    }

    static func failure(_ status: HTTPResponse.Status, _ message: String, retryAfter: Int? = nil) -> Response {
        var headers: HTTPFields = [.cacheControl: "no-store"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return JSONResponse.make(status, Failure(error: message), headers: headers)
    }

    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/class/ca.pem") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/x-pem-file"],
                body: .init(byteBuffer: ByteBuffer(string: room.caCertificatePEM)))
        }
        router.post("/class/join") { request, _ in await join(request) }
        router.post("/class/progress") { request, _ in await report(request) }
        router.post("/class/session") { request, _ in await openSession(request) }
        router.get("/class/state") { request, _ in
            await asTeacher(request) {
                JSONResponse.make(.ok, await room.snapshot(), headers: [.cacheControl: "no-store"])
            }
        }
        router.get("/class/events") { request, _ in
            await asTeacher(request) { await events() }
        }
        router.post("/class/learners/:id/agent") { request, context in
            let id = try context.parameters.require("id")
            return await asTeacher(request) { await teacherAgent(learner: id) }
        }
        router.post("/class/code") { request, _ in
            await asTeacher(request) {
                let (code, joinLine) = await room.rotateCode()
                return JSONResponse.make(.ok, ["code": code, "joinLine": joinLine])
            }
        }
        // `/class` and `/class/` are one route (the router ignores a trailing slash); the page names its files by
        // absolute paths (`/class/dashboard.js`), so either address works.
        router.get("/class") { _, _ in Self.file("index.html") }
        router.get("/class/:file") { _, context in
            Self.file(try context.parameters.require("file"))
        }
    }

    /// A dashboard file, with headers that keep the page to its own origin.
    static func file(_ name: String) -> Response {
        guard let file = DashboardFiles.file(named: name) else {
            return failure(.notFound, "no such page: /class/\(name)")
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: file.contentType, .cacheControl: "no-cache",
                .contentSecurityPolicy:
                    "default-src 'self'; connect-src 'self' wss:; img-src 'self' data:; frame-ancestors 'none'",
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
                HTTPField.Name("Referrer-Policy")!: "no-referrer",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }

    // MARK: Learners

    struct JoinRequest: Decodable {
        let code: String?
        let name: String?
        let token: String?
    }

    struct JoinAnswer: Encodable {
        struct LearnerIdentity: Encodable {
            let id: String
            let name: String
        }
        struct Export: Encodable {
            let name: String
            let value: String
        }
        let learner: LearnerIdentity
        let token: String
        let account: String
        let className: String
        let exports: [Export]
    }

    func join(_ request: Request) async -> Response {
        let body = await JSONResponse.body(of: request)
        guard let asked = try? JSONDecoder().decode(JoinRequest.self, from: body) else {
            return Self.failure(.badRequest, #"the body must be JSON: {"code":"…","name":"…"} or {"token":"…"}"#)
        }
        let admission: ClassRoom.Admission
        do {
            if let token = asked.token, !token.isEmpty {
                admission = try await room.rejoin(token: token)
            } else {
                admission = try await room.join(code: asked.code ?? "", name: asked.name ?? "")
            }
        } catch {
            return Self.response(for: error)
        }
        let account = admission.learner.account
        let exports = RunningSandbox.serviceExports(
            hostPort: room.learnerHostPort, account: account,
            connectorID: InMemorySandboxStore.connectorID(for: account))
        _ = await room.store.account(account)
        return JSONResponse.make(
            .ok,
            JoinAnswer(
                learner: .init(id: admission.learner.id, name: admission.learner.name), token: admission.token,
                account: account, className: room.settings.name,
                exports: exports.map { JoinAnswer.Export(name: $0.name, value: $0.value) }),
            headers: [.cacheControl: "no-store"])
    }

    func report(_ request: Request) async -> Response {
        guard let token = AgentBearer.token(of: request), !token.isEmpty else {
            return Self.failure(.unauthorized, "Authorization: Bearer <learner token from lp-shell --join> is required")
        }
        guard let buffer = try? await request.body.collect(upTo: Self.largestReport) else {
            return Self.failure(.contentTooLarge, "a progress report is at most \(Self.largestReport) bytes")
        }
        guard let progress = try? JSONDecoder().decode(LearnerProgress.self, from: Data(buffer.readableBytesView))
        else {
            return Self.failure(.badRequest, "the body must be a JSON progress report")
        }
        do {
            try await room.report(progress, token: token)
        } catch {
            return Self.response(for: error)
        }
        return Response(status: .noContent)
    }

    static func response(for refusal: ClassRoom.Refusal) -> Response {
        switch refusal {
        case .wrongCode: failure(.unauthorized, "wrong join code")
        case .unknownToken: failure(.unauthorized, "unknown learner token (join again with the class's join line)")
        case .badName: failure(.badRequest, "a learner name is 1 to 60 printable characters")
        case .tooMany(let seconds):
            failure(.tooManyRequests, "too many requests; retry in \(seconds) s", retryAfter: seconds)
        }
    }

    // MARK: Teacher

    /// Runs `answer` for the teacher (the dashboard's cookie, or the key as a bearer), else `401` and nothing else.
    func asTeacher(_ request: Request, _ answer: () async -> Response) async -> Response {
        if let session = request.cookies[Self.cookieName]?.value, await room.isTeacherSession(session) {
            return await answer()
        }
        if let key = AgentBearer.token(of: request), await room.isTeacherKey(key) {
            return await answer()
        }
        return Self.failure(.unauthorized, "teacher key required")
    }

    func openSession(_ request: Request) async -> Response {
        guard let key = AgentBearer.token(of: request), let session = await room.openSession(key: key) else {
            return Self.failure(.unauthorized, "teacher key required")
        }
        var response = Response(status: .noContent, headers: [.cacheControl: "no-store"])
        response.setCookie(
            Cookie(
                name: Self.cookieName, value: session, path: "/class", secure: true, httpOnly: true, sameSite: .strict))
        return response
    }

    func events() async -> Response {
        let stream = await room.subscribe()
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/event-stream", .cacheControl: "no-store",
                HTTPField.Name("X-Accel-Buffering")!: "no",
            ],
            body: ResponseBody { writer in
                for await text in stream {
                    try await writer.write(ByteBuffer(string: text))
                }
                try await writer.finish(nil)
            })
    }

    struct AgentAnswer: Encodable {
        let account: String
        let bearer: String
        let userId: String
        let agentId: String
        let socket: String
    }

    func teacherAgent(learner id: String) async -> Response {
        guard let session = await room.teacherAgent(learner: id) else {
            return Self.failure(.notFound, "no learner '\(id)' in this class")
        }
        return JSONResponse.make(
            .ok,
            AgentAnswer(
                account: session.account, bearer: session.bearer, userId: session.userId, agentId: session.userPid,
                socket:
                    "wss://\(room.learnerHostPort)/ws_api/account/\(session.account)/messaging/brand/\(session.bearer)?v=2"
            ),
            headers: [.cacheControl: "no-store"])
    }
}
