/// One answer of the Send API (`conversation` and `conversation/send`): `{"reqId": …, "code": "OK", "body": …}`,
/// the UMS response of the request without `kind` and `type` (connector-api-send-api-conversation.html and
/// connector-api-send-api-send.html, "Response").
public struct SendAPIAnswer: Codable, Hashable, Sendable {
    public var reqId: String?
    public var code: String
    public var body: WireJSON

    public init(reqId: String?, code: String = "OK", body: WireJSON) {
        self.reqId = reqId
        self.code = code
        self.body = body
    }
}
