/// The Send API's authorization error: `{"kind":"resp","code":401,"body":{"title":…,"details":…,"errorCode":…},
/// "type":".ReqBody$ErrorResp"}` (connector-api-send-api-authorization-and-authentication.html, "Error Responses").
public struct SendAPIErrorBody: Codable, Hashable, Sendable {
    /// The documented error codes: HTTP status followed by two digits.
    public enum Code: Int, Codable, Sendable {
        case missingParameter = 40001
        case invalidAppJWT = 40102
        case invalidConsumerJWS = 40103
        case consumerJWSMissing = 40104
        case appJWTMissing = 40105

        /// The documented title of each code.
        public var title: String {
            switch self {
            case .missingParameter: "Missing parameter"
            case .invalidAppJWT: "Invalid AppJWT"
            case .invalidConsumerJWS: "Invalid ConsumerJWS"
            case .consumerJWSMissing: "ConsumerJWS is missing"
            case .appJWTMissing: "AppJWT is missing"
            }
        }

        /// The HTTP status: the code's first three digits.
        public var status: Int { rawValue / 100 }
    }

    /// `body` of the error.
    public struct Details: Codable, Hashable, Sendable {
        public var title: String
        public var details: String
        public var errorCode: Int
    }

    public var kind: String
    public var code: Int
    public var body: Details
    public var type: String

    /// The error `code` with `details` saying what was wrong.
    public init(_ code: Code, details: String) {
        kind = "resp"
        self.code = code.status
        body = Details(title: code.title, details: details, errorCode: code.rawValue)
        type = ".ReqBody$ErrorResp"
    }
}
