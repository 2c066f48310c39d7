/// The close codes LivePerson's messaging socket sends, and what they mean (spec §3.3).
public enum UMSCloseCode {
    /// The authorization token is missing or has expired.
    public static let unauthorized = 4401
    /// The unauthenticated identity has expired: refresh it with the IdP.
    public static let identityExpired = 4407
    /// RFC 6455's policy violation, which LivePerson sends for a token it does not accept.
    public static let policyViolation = 1008

    /// True for the codes that mean the token is no longer valid: reconnecting with the same one cannot work.
    public static func meansInvalidToken(_ code: Int) -> Bool {
        code == unauthorized || code == identityExpired || code == policyViolation
    }
}
