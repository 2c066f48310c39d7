import Foundation
import LivePersonAPI

@testable import LivePersonSandbox

/// Consumer tokens minted with the sandbox's own signing key, for socket tests that need a given lifetime.
extension RunningSandbox {
    func consumerToken(
        account: String? = nil, sub: String = UUID().uuidString.lowercased(), ttl: Int64 = 3600,
        kind: TokenClaims.Kind = .consumer
    ) -> String {
        let now = SandboxServices.nowSeconds()
        return services.signer.sign(
            TokenClaims(
                sub: sub, aud: "acc:\(account ?? self.account)", iss: TokenSigner.issuer, exp: now + ttl, iat: now,
                kind: kind))
    }
}
