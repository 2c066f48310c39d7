/// The query parameters of a Swift temporary URL, as `ms.GenerateURLForUploadFile` and
/// `ms.GenerateURLForDownloadFile` return them (both strings, `assets/schema/ms/GenerateURLRespBody.json`).
public struct TempURLQueryParams: Codable, Hashable, Sendable {
    /// `temp_url_sig`: the HMAC of method, expiry and path, in hex.
    public var signature: String
    /// `temp_url_expires`: epoch seconds, as a string.
    public var expires: String

    enum CodingKeys: String, CodingKey {
        case signature = "temp_url_sig"
        case expires = "temp_url_expires"
    }

    public init(signature: String, expires: Int64) {
        self.signature = signature
        self.expires = String(expires)
    }
}

/// `ms.GenerateURLForUploadFile` / `ms.GenerateURLForDownloadFile` response body: where the object lives in the
/// `swift` service and the signed query that grants one method on it until it expires (spec §3.6.8).
public struct GenerateURLBody: Codable, Hashable, Sendable {
    public var relativePath: String
    public var queryParams: TempURLQueryParams

    public init(relativePath: String, queryParams: TempURLQueryParams) {
        self.relativePath = relativePath
        self.queryParams = queryParams
    }
}

/// `.ams.ms.token.GenerateDownloadToken` response body: `{"token":{"type":"SecureFormReadToken","readOtk":…}}`.
public struct DownloadTokenBody: Codable, Hashable, Sendable {
    public struct Token: Codable, Hashable, Sendable {
        public var type: String
        public var readOtk: String

        public init(type: String, readOtk: String) {
            self.type = type
            self.readOtk = readOtk
        }
    }

    public var token: Token

    public init(token: Token) {
        self.token = token
    }
}
