import HTTPTypes
import Hummingbird
import LivePersonAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The consumer IdP (spec §2): `signup`, `authenticate`, `anonymous/authorize` and `app/{connector}/authenticate`,
/// plus the JWKS of the signing key and the sandbox's own `sandbox/revoke` (no LivePerson equivalent), which makes
/// a token it issued unusable from then on (kept across restarts with `--data`). Failures answer like LivePerson's IdP: a status and `{"internalErrorCode": …}`.
struct IdPController {
    let services: SandboxServices

    /// An IdP refusal: HTTP 400 for an unreadable body, 500 for token problems (the status the real service was
    /// seen answering, spec §2.4).
    struct Failure: Error {
        let status: HTTPResponse.Status
        let code: IdPErrorCode

        static func input() -> Failure { Failure(status: .badRequest, code: .inputValidationError) }
        static func token(_ code: IdPErrorCode) -> Failure { Failure(status: .internalServerError, code: code) }

        var response: Response { JSONResponse.make(status, IdPErrorBody(code)) }
    }

    func addRoutes(to router: Router<some RequestContext>) {
        router.post("/api/account/:account/signup") { _, context in
            try await answer(account: context.parameters.require("account")) { account in
                JSONResponse.make(.ok, JWTBody(jwt: signup(account: account)))
            }
        }
        router.post("/api/account/:account/authenticate") { request, context in
            let body = await JSONResponse.body(of: request)
            return try await answer(account: context.parameters.require("account")) { account in
                JSONResponse.make(.ok, JWTBody(jwt: try authenticate(account: account, body: body)))
            }
        }
        router.post("/api/account/:account/anonymous/authorize") { request, context in
            let body = await JSONResponse.body(of: request)
            return try await answer(account: context.parameters.require("account")) { account in
                JSONResponse.make(.ok, TokenBody(token: try await authorize(account: account, body: body)))
            }
        }
        router.post("/api/account/:account/app/:connector/authenticate") { request, context in
            let body = await JSONResponse.body(of: request)
            let connector = try context.parameters.require("connector")
            return try await answer(account: context.parameters.require("account")) { account in
                let info = await services.store.account(account)
                guard connector == info.connectorID else { throw Failure.token(.connectorNotFound) }
                return JSONResponse.make(.ok, TokenBody(token: try await exchange(account: account, body: body)))
            }
        }
        router.post("/api/account/:account/sandbox/revoke") { request, context in
            let body = await JSONResponse.body(of: request)
            return try await answer(account: context.parameters.require("account")) { account in
                try await revoke(account: account, body: body)
            }
        }
        // `$LP_APP_CONN_ID` unset in the tutorial makes the path `app//authenticate` (spec §5.5).
        router.post("/api/account/:account/app/authenticate") { _, _ in
            Failure.token(.connectorNotFound).response
        }
        router.get("/.well-known/jwks.json") { _, _ in
            JSONResponse.make(.ok, services.signer.keySet)
        }
        router.get("/api/account/:account/.well-known/jwks.json") { _, _ in
            JSONResponse.make(.ok, services.signer.keySet)
        }
    }

    func answer(account: String, _ body: (String) async throws -> Response) async throws -> Response {
        guard SandboxConfiguration.isValidAccount(account) else { return Failure.input().response }
        _ = await services.store.account(account)
        do {
            return try await body(account)
        } catch let failure as Failure {
            return failure.response
        }
    }

    func signup(account: String) -> String {
        let now = SandboxServices.nowSeconds()
        return services.signer.sign(
            TokenClaims(
                sub: StableID.randomUUID(), aud: "acc:\(account)", iss: TokenSigner.issuer,
                exp: now + SandboxServices.seconds(services.configuration.signupTokenTTL), iat: now, kind: .consumer))
    }

    /// `authenticate` with a brand's id_token: the sandbox has no brand key to check it against, so it accepts any
    /// JWT-shaped token that has not expired and derives the consumer id from its `sub`.
    func authenticate(account: String, body: Data) throws -> String {
        guard let request = try? JSONDecoder().decode(AuthCodeRequest.self, from: body) else { throw Failure.input() }
        guard let claims = TokenSigner.unverifiedClaims(request.authCode) else { throw Failure.token(.jwtNotValid) }
        guard let subject = claims["sub"]?.stringValue else { throw Failure.token(.customerJWTNotValid) }
        let now = SandboxServices.nowSeconds()
        let expiry = claims["exp"]?.intValue.map(Int64.init)
        if let expiry, expiry <= now { throw Failure.token(.jwtExpired) }
        let consumerId = ConsumerIdentity.id(account: account, brandConsumerId: subject)
        return services.signer.sign(
            TokenClaims(
                sub: consumerId, aud: "acc:\(account)", iss: TokenSigner.issuer,
                exp: expiry ?? now + SandboxServices.seconds(services.configuration.signupTokenTTL), iat: now,
                kind: .consumer,
                ext: .init(sub: subject, iss: claims["iss"]?.stringValue ?? TokenSigner.issuer)))
    }

    /// `anonymous/authorize`: a new unauthenticated external JWT, or with `{"id_token": old}` a fresh one for the
    /// same identity while its refresh window lasts.
    func authorize(account: String, body: Data) async throws -> String {
        let now = SandboxServices.nowSeconds()
        let ttl = SandboxServices.seconds(services.configuration.externalTokenTTL)
        if JSONResponse.isEmpty(body) {
            return services.signer.sign(
                TokenClaims(
                    sub: StableID.randomUUID(), aud: "acc:\(account)", iss: TokenSigner.issuer, exp: now + ttl,
                    iat: now,
                    kind: .external,
                    refreshUntil: now + SandboxServices.seconds(services.configuration.refreshWindow)))
        }
        guard let request = try? JSONDecoder().decode(IDTokenRequest.self, from: body) else { throw Failure.input() }
        let old = try await verify(request.idToken, account: account, allowExpired: true)
        guard old.kind == .external, let refreshUntil = old.refreshUntil else {
            throw Failure.token(.invalidSignature)
        }
        guard now < refreshUntil else { throw Failure.token(.refreshWindowExpired) }
        return services.signer.sign(
            TokenClaims(
                sub: old.sub, aud: old.aud, iss: TokenSigner.issuer, exp: now + ttl, iat: now, kind: .external,
                refreshUntil: refreshUntil))
    }

    /// `app/{connector}/authenticate`: exchanges an external JWT for an LP consumer JWT that expires with it.
    func exchange(account: String, body: Data) async throws -> String {
        guard !JSONResponse.isEmpty(body), let request = try? JSONDecoder().decode(IDTokenRequest.self, from: body)
        else { throw Failure.input() }
        let external = try await verify(request.idToken, account: account, allowExpired: false)
        guard external.kind == .external else { throw Failure.token(.invalidSignature) }
        return services.signer.sign(
            TokenClaims(
                sub: external.sub, aud: external.aud, iss: TokenSigner.issuer, exp: external.exp,
                iat: SandboxServices.nowSeconds(), kind: .unauthenticatedConsumer,
                ext: .init(sub: external.sub, iss: external.iss)))
    }

    /// `sandbox/revoke` with `{"token": T}`: T, a token this sandbox signed for the account, is refused from now on
    /// (IdP calls answer 1012 like an expired token, sockets close with 4401). 200 `{}`; 500 when it cannot be stored.
    func revoke(account: String, body: Data) async throws -> Response {
        guard let request = try? JSONDecoder().decode(RevokeRequest.self, from: body) else { throw Failure.input() }
        let claims = try await verify(request.token, account: account, allowExpired: true)
        do {
            try await services.store.revoke(
                tokenHash: TokenHash.of(request.token), expires: max(claims.exp, claims.refreshUntil ?? 0))
        } catch {
            return JSONResponse.make(.internalServerError, CSDSErrorBody(code: 500, message: error.description))
        }
        return JSONResponse.make(.ok, [String: String]())
    }

    /// The body of `sandbox/revoke`.
    struct RevokeRequest: Decodable {
        let token: String
    }

    func verify(_ token: String, account: String, allowExpired: Bool) async throws -> TokenClaims {
        let claims: TokenClaims
        do {
            claims = try services.signer.verify(token, now: SandboxServices.nowSeconds(), allowExpired: allowExpired)
        } catch .malformed {
            throw Failure.token(.jwtNotValid)
        } catch .badSignature {
            throw Failure.token(.invalidSignature)
        } catch .expired {
            throw Failure.token(.jwtExpired)
        }
        guard claims.account == account else { throw Failure.token(.wrongAccountID) }
        if await services.store.isRevoked(tokenHash: TokenHash.of(token)) { throw Failure.token(.jwtExpired) }
        return claims
    }
}
