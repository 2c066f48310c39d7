/// LivePerson IdP `internalErrorCode` values (spec §2.4; only 9007 and 9012 are confirmed by LivePerson staff).
public enum IdPErrorCode: String, Codable, Sendable, CaseIterable {
    case customerJWTNotValid = "9007"
    case inputValidationError = "9012"
    case jwtNotValid = "1008"
    case jwtExpired = "1012"
    case connectorNotFound = "1024"
    case refreshWindowExpired = "2001"
    case invalidSignature = "2002"
    case wrongAccountID = "2004"
}

/// The IdP error body, `{"internalErrorCode": "9007"}`, as the real service was seen answering (spec §2.4).
public struct IdPErrorBody: Codable, Hashable, Sendable {
    public var internalErrorCode: String

    public init(_ code: IdPErrorCode) {
        self.internalErrorCode = code.rawValue
    }

    public init(internalErrorCode: String) {
        self.internalErrorCode = internalErrorCode
    }
}
