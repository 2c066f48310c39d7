import HTTPTypes
import Hummingbird
import LivePersonAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The Connector API's Send API (CSDS service `asyncMessagingEnt`): `POST /api/account/{a}/messaging/consumer/
/// conversation?v=3` (CONVERSATION, a batch such as `userprofile.SetUserProfile` + `cm.ConsumerRequestConversation`)
/// and `…/conversation/send?v=3` (SEND, one request such as `ms.PublishEvent` or `cm.UpdateConversationField`), with
/// the AppJWT in `Authorization` and the ConsumerJWS in `X-LP-ON-BEHALF` (connector-api-send-api-conversation.html,
/// connector-api-send-api-send.html). Both take one request object or an array of them.
///
/// Each request runs as on the consumer's socket (``HeadlessConsumer``). A success answers
/// `{"reqId":…,"code":"OK","body":…}`, a string answer becoming `{"msg": …}` as the pages show it; a refusal is the
/// socket's failure frame, with its code as the HTTP status. A batch answers an array, with the status of its first
/// refusal (200 when there is none).
struct SendAPIController {
    let services: SandboxServices

    func addRoutes(to router: Router<some RequestContext>) {
        for path in [
            "/api/account/:account/messaging/consumer/conversation",
            "/api/account/:account/messaging/consumer/conversation/send",
        ] {
            router.post(RouterPath(path)) { request, context in
                let account = try context.parameters.require("account")
                let body = await JSONResponse.body(of: request)
                return await send(account: account, request: request, body: body)
            }
        }
    }

    func send(account: String, request: Request, body: Data) async -> Response {
        guard SandboxConfiguration.isValidAccount(account) else {
            return Self.refusal(.badRequest("'\(account)' is not an account id"))
        }
        let consumer: ConsumerJWSClaims
        do {
            let authorization = ConnectorAuthorization(signer: services.signer)
            _ = try authorization.appJWT(request, account: account)
            consumer = try authorization.consumerJWS(request, account: account)
        } catch {
            return error.response
        }
        let requests: [String]
        let isBatch: Bool
        switch Self.requests(contentType: request.headers[.contentType], body: body) {
        case .failure(let failure):
            return Self.refusal(failure)
        case .success(let parsed):
            (requests, isBatch) = parsed
        }
        let frames = await HeadlessConsumer(account: account, consumerId: consumer.lpConsumerId, services: services)
            .run(requests)
        let answers = frames.map(Answer.init(frame:))
        let status = answers.first { $0.code != 200 }?.code ?? 200
        return isBatch
            ? JSONResponse.make(HTTPResponse.Status(code: status), answers)
            : JSONResponse.make(HTTPResponse.Status(code: status), answers[0])
    }

    /// The UMS request texts of a body: the body itself when it is one object, each element when it is an array.
    static func requests(contentType: String?, body: Data) -> Result<(texts: [String], isBatch: Bool), UMSFailure> {
        guard let contentType, contentType.lowercased().hasPrefix("application/json") else {
            let shown = contentType.map { "'\($0)'" } ?? "missing"
            return .failure(.badRequest("Content-Type must be application/json (it is \(shown))"))
        }
        guard let value = try? JSONDecoder().decode(WireJSON.self, from: body) else {
            return .failure(
                .badRequest(
                    body.isEmpty
                        ? "The body is empty: send one UMS request object or an array of them"
                        : "Bad JSON: the body is not JSON"))
        }
        switch value {
        case .object:
            return .success(([String(decoding: body, as: UTF8.self)], false))
        case .array(let elements) where !elements.isEmpty:
            return .success((elements.map(FrameEncoder.encode), true))
        case .array:
            return .failure(.badRequest("The batch is empty: send at least one UMS request"))
        default:
            return .failure(.badRequest("The body must be a UMS request object or an array of them"))
        }
    }

    /// The Send API form of one socket answer: accepted (any 2xx) or refused (the failure frame as it is).
    enum Answer: Encodable {
        case accepted(SendAPIAnswer)
        case refused(code: Int, frame: WireJSON)

        init(frame: String) {
            guard let response = try? JSONDecoder().decode(WireJSON.self, from: Data(frame.utf8)),
                let code = response["code"]?.intValue
            else {
                self = .refused(code: 500, frame: .string(frame))
                return
            }
            guard (200..<300).contains(code) else {
                self = .refused(code: code, frame: response)
                return
            }
            let body: WireJSON =
                switch response["body"] {
                case .string(let message)?: .object(["msg": .string(message)])
                case nil, .null?: .object([:])
                case let other?: other
                }
            self = .accepted(SendAPIAnswer(reqId: response["reqId"]?.stringValue, body: body))
        }

        /// The HTTP status it stands for: 200 when accepted, else the failure's code.
        var code: Int {
            switch self {
            case .accepted: 200
            case .refused(let code, _): code
            }
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .accepted(let answer): try answer.encode(to: encoder)
            case .refused(_, let frame): try frame.encode(to: encoder)
            }
        }
    }

    /// A request refused before it reached the store: the socket's failure frame, without a `reqId`.
    static func refusal(_ failure: UMSFailure) -> Response {
        let frame = FrameEncoder.failure(reqId: nil, failure)
        let json = (try? JSONDecoder().decode(WireJSON.self, from: Data(frame.utf8))) ?? .string(failure.message)
        return JSONResponse.make(HTTPResponse.Status(code: failure.code), json)
    }
}
