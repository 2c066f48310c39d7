/// A request id: the docs send strings, the tutorials numbers; responses always echo it as a string (spec §3.4).
public struct RequestID: Codable, Hashable, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ text: String) {
        self.description = text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            description = text
        } else if let number = try? container.decode(Int64.self) {
            description = String(number)
        } else {
            let number = try container.decode(Double.self)
            description = String(number)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A client → server frame: `{"kind":"req","id":…,"type":…,"body":…,"headers":[…],"metadata":[…]}` (spec §3.4).
public struct UMSRequest: Codable, Hashable, Sendable {
    public var kind: String?
    public var id: RequestID
    public var type: String
    public var body: WireJSON?
    public var headers: [WireJSON]?
    public var metadata: WireJSON?

    public init(
        id: RequestID, type: String, body: WireJSON? = nil, headers: [WireJSON]? = nil, metadata: WireJSON? = nil
    ) {
        self.kind = "req"
        self.id = id
        self.type = type
        self.body = body
        self.headers = headers
        self.metadata = metadata
    }
}
