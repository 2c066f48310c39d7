/// One CSDS entry: which host serves a service for an account (spec §1.1).
///
/// `baseURI` is a bare `host[:port]`; clients prefix `https://` or `wss://` themselves.
public struct ServiceBaseURI: Codable, Hashable, Sendable {
    public var service: String
    public var account: String
    public var baseURI: String

    public init(service: String, account: String, baseURI: String) {
        self.service = service
        self.account = account
        self.baseURI = baseURI
    }
}

/// The all-services CSDS answer, `{"baseURIs": [...]}` (spec §1.2).
public struct ServiceBaseURIList: Codable, Hashable, Sendable {
    public var baseURIs: [ServiceBaseURI]

    public init(baseURIs: [ServiceBaseURI]) {
        self.baseURIs = baseURIs
    }
}

/// The error body the sandbox answers CSDS failures with (LivePerson documents none): `{"code": 404, "message": …}`.
public struct CSDSErrorBody: Codable, Hashable, Sendable {
    public var code: Int
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }
}
