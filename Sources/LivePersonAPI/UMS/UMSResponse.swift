/// A server → client answer to a request: `{"kind":"resp","reqId":…,"code":…,"type":…,"body":…}` (spec §3.4).
public struct UMSResponse<Body: Codable & Sendable>: Codable, Sendable {
    public var kind: String
    /// The request's `id` as a string; absent only when the request could not be read at all.
    public var reqId: String?
    public var code: Int
    public var type: String
    public var body: Body?

    public init(reqId: String?, code: Int, type: String, body: Body?) {
        self.kind = "resp"
        self.reqId = reqId
        self.code = code
        self.type = type
        self.body = body
    }
}

/// A server → client notification: `{"kind":"notification","type":…,"body":…}` (spec §3.4).
public struct UMSNotification<Body: Codable & Sendable>: Codable, Sendable {
    public var kind: String
    public var type: String
    public var body: Body

    public init(type: String, body: Body) {
        self.kind = "notification"
        self.type = type
        self.body = body
    }
}

/// The envelope fields every frame has, for telling frames apart before decoding the body.
public struct UMSEnvelope: Codable, Hashable, Sendable {
    public var kind: String?
    public var type: String?
    public var reqId: String?
    public var code: Int?
}

/// An empty JSON object body, `{}`.
public struct EmptyBody: Codable, Hashable, Sendable {
    public init() {}
}
