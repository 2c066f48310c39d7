import HTTPTypes
import Hummingbird

/// The agent bearer of a REST request (`Authorization: Bearer <bearer from login>`), as agentVep, account config and
/// msgHist read it.
enum AgentBearer {
    /// What follows `Bearer ` (the scheme matched case-insensitively), or `nil` when the header is missing or has
    /// another scheme.
    static func token(of request: Request) -> String? {
        let authorization = request.headers[.authorization] ?? ""
        return authorization.lowercased().hasPrefix("bearer ") ? String(authorization.dropFirst(7)) : nil
    }
}
