import JSONQuery
import LivePersonAPI
import ShellBuiltins
import ShellRuntime
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What lp-shell knows about a token-valued variable, for `step`, `tokens`, the prompt and expiry warnings.
struct TokenSummary: Sendable, Equatable {
    /// The variable holding the token.
    var name: String
    /// `external`, `LP consumer` or `agent bearer`.
    var kind: String
    /// The `sub` claim.
    var subject: String?
    /// `iat`, seconds since 1970.
    var issuedAt: Int64?
    /// `exp`, seconds since 1970.
    var expiresAt: Int64?
    /// Until when an external unauthenticated token can be refreshed (the sandbox's `lp.refresh_until`).
    var refreshableUntil: Int64?
    /// `eyJr…Q`.
    var masked: String

    /// Seconds since 1970.
    static func now() -> Int64 { Int64(time(nil)) }

    /// The summary of a variable when its value is a JWT, else nil. Remembered: every command that carries a token
    /// is checked for expiry, and the prompt reads LP_JWT's, so the same few tokens are asked about again and again.
    static func inspect(name: String, value: String) -> TokenSummary? {
        guard value.hasPrefix("eyJ") else { return nil }
        let key = name + "=" + value
        if let known = recent.withLock({ $0[key] }) { return known }
        let summary = decode(name: name, value: value)
        recent.withLock { cache in
            if cache.count >= 64 { cache.removeAll() }
            cache[key] = summary
        }
        return summary
    }

    /// The summaries ``inspect(name:value:)`` made, by `NAME=VALUE` (nil for a value that is no JWT).
    private static let recent = Mutex<[String: TokenSummary?]>([:])

    private static func decode(name: String, value: String) -> TokenSummary? {
        guard let token = try? JWTToken(value) else { return nil }
        let payload = token.payload
        var kind = "LP consumer"
        if case .string(let declared)? = payload.member(TokenClaims.CodingKeys.kind.rawValue) {
            kind = declared == TokenClaims.Kind.external.rawValue ? "external" : "LP consumer"
        } else if name.contains("EXT") {
            kind = "external"
        } else if name.contains("BEARER") {
            kind = "agent bearer"
        }
        var subject: String?
        if case .string(let text)? = payload.member(TokenClaims.CodingKeys.sub.rawValue) { subject = text }
        return TokenSummary(
            name: name, kind: kind, subject: subject,
            issuedAt: payload.member(TokenClaims.CodingKeys.iat.rawValue)?.epochSeconds,
            expiresAt: payload.member(TokenClaims.CodingKeys.exp.rawValue)?.epochSeconds,
            refreshableUntil: payload.member(TokenClaims.CodingKeys.refreshUntil.rawValue)?.epochSeconds,
            masked: SecretMasking.maskedForm(value))
    }

    /// Seconds until expiry (negative once expired), nil when the token has no `exp`.
    func secondsLeft(now: Int64 = TokenSummary.now()) -> Int64? {
        expiresAt.map { $0 - now }
    }

    /// `expires in 10 min` for a JWT, nil for other values.
    static func describe(name: String, value: String) -> String? {
        guard let summary = inspect(name: name, value: value) else { return nil }
        var parts = [summary.kind + " token"]
        if let expiresAt = summary.expiresAt { parts.append(JWTTime.expiry(expiresAt, now: now())) }
        return parts.joined(separator: ", ")
    }

    /// Why a value is not a usable JWT (`is not a JWT: …`, `expired 3 min ago`), or nil when it is.
    static func problem(with value: String) -> String? {
        do {
            let token = try JWTToken(value)
            if let exp = token.payload.member(TokenClaims.CodingKeys.exp.rawValue)?.epochSeconds, exp <= now() {
                return JWTTime.expiry(exp, now: now())
            }
            return nil
        } catch {
            return "is not a JWT: \(error.description)"
        }
    }
}
