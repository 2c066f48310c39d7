/// A request the sandbox refuses; sent as `{"kind":"resp","code":…,"type":".ReqBody$StringResp","body":"…"}`.
struct UMSFailure: Error, Equatable {
    let code: Int
    let message: String

    static func badRequest(_ message: String) -> UMSFailure { UMSFailure(code: 400, message: message) }
    static func unauthorized(_ message: String) -> UMSFailure { UMSFailure(code: 401, message: message) }
    static func forbidden(_ message: String) -> UMSFailure { UMSFailure(code: 403, message: message) }
    static func notFound(_ message: String) -> UMSFailure { UMSFailure(code: 404, message: message) }
    /// The change could not be stored (`--data`): nothing was acknowledged.
    static func storageFailed(_ message: String) -> UMSFailure { UMSFailure(code: 500, message: message) }
    static let tooManyRequests = UMSFailure(code: 429, message: "Too many requests, retry after 1 second")
}
