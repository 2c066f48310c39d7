import Hummingbird
import LivePersonAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The messaging WebSockets' HTTP side: the consumer socket `/ws_api/account/{a}/messaging/consumer?v=3` (token in
/// the `Authorization: jwt …` header or in `InitConnection`) and the brand socket `…/messaging/brand/{bearer}?v=2`
/// are upgraded by ``MessagingUpgradeChannel`` (``MessagingSocketOpening`` decides); these routes answer requests on
/// those paths that are not upgrades.
///
/// A consumer socket with a bad or expired token is upgraded and then closed with 4401 (4407 for an expired
/// unauthenticated identity), so that clients see the documented close code rather than an HTTP error.
struct MessagingSocketController {
    let services: SandboxServices

    /// Plain-HTTP answers on the socket paths: when an upgrade was refused or not asked for.
    func addFallbackRoutes(to router: Router<some RequestContext>) {
        router.get("/ws_api/account/:account/messaging/brand/:bearer") { _, _ in
            JSONResponse.make(
                .unauthorized, CSDSErrorBody(code: 401, message: "unknown or expired bearer; log in again"))
        }
        router.get("/ws_api/account/:account/messaging/consumer") { _, _ in
            JSONResponse.make(.badRequest, CSDSErrorBody(code: 400, message: "WebSocket upgrade required"))
        }
    }

    /// The token of an `Authorization: jwt <token>` header (scheme matched case-insensitively; `Bearer` accepted).
    static func token(_ header: String?) -> String? {
        guard let header else { return nil }
        let trimmed = SpaceTrimming.spaces(header)
        for scheme in ["jwt ", "bearer "] where trimmed.lowercased().hasPrefix(scheme) {
            let token = SpaceTrimming.spaces(trimmed.dropFirst(scheme.count))
            return token.isEmpty ? nil : token
        }
        return trimmed.isEmpty ? nil : trimmed
    }
}
