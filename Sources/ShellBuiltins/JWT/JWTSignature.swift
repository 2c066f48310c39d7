import JSONQuery

/// What `jwt` says about a token's signature.
enum JWTSignature: Sendable, Equatable {
    /// No `--jwks` was given.
    case notChecked
    /// The signature verifies with the JWKS key.
    case valid(Evidence)
    /// The signature does not verify with the JWKS key.
    case invalid(Evidence)
    /// The signature could not be checked; the one-line reason.
    case unchecked(String)

    /// Which key a verdict was reached with.
    struct Evidence: Sendable, Equatable {
        /// The token's `alg` (`RS256`).
        var algorithm: String
        /// The token's `kid`, if it has one.
        var keyID: String?
        /// The JWKS URL.
        var source: String

        var text: String { "\(algorithm), \(keyID.map { "kid \($0)" } ?? "no kid"), from \(source)" }
    }

    /// The `signature:` line of `jwt decode`; nil when the reason went to standard error instead.
    var line: String? {
        switch self {
        case .notChecked: "signature: not checked (use --jwks URL)"
        case .valid(let evidence): "signature: valid (\(evidence.text))"
        case .invalid(let evidence): "signature: INVALID (\(evidence.text))"
        case .unchecked: nil
        }
    }

    /// The `signature` member of `jwt decode --json`.
    var json: JSONValue {
        switch self {
        case .notChecked:
            return .object(JSONObject([("status", .string("not checked"))]))
        case .valid(let evidence), .invalid(let evidence):
            let status: JSONValue = .string(self == .valid(evidence) ? "valid" : "invalid")
            return .object(
                JSONObject([
                    ("status", status), ("alg", .string(evidence.algorithm)),
                    ("kid", evidence.keyID.map(JSONValue.string) ?? .null), ("jwks", .string(evidence.source)),
                ]))
        case .unchecked(let reason):
            return .object(JSONObject([("status", .string("unchecked")), ("error", .string(reason))]))
        }
    }
}
