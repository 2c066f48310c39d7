import HTTPTransfer
import JSONQuery
import OptionParsing
import ShellRuntime

/// `jwt decode [--json] [--jwks URL] [TOKEN]`: shows a JWT's header and payload, with `exp`/`iat` as dates, and
/// checks the RS256 signature against a JWKS when `--jwks` is given. `jwt verify --jwks URL [TOKEN]` only checks.
///
/// The token comes from the argument or standard input. The JWKS is fetched like the builtin `curl` fetches:
/// TLS verified against the system store plus `--cacert`/`CURL_CA_BUNDLE`/`SSL_CERT_FILE`, `-k` to skip it.
public struct JWT: Builtin {
    public static let name = "jwt"
    public static let summary = "decode a JSON Web Token (header, payload, expiry; RS256 check with --jwks)"
    public static let usage = """
        usage: jwt decode [--json] [--jwks URL [-k] [--cacert FILE]] [TOKEN]
               jwt verify --jwks URL [--json] [-k] [--cacert FILE] [TOKEN]
          Decodes TOKEN (or standard input): header and payload pretty-printed, exp/iat/nbf as UTC dates
          with the time left or past. Without --jwks the signature is not checked.\n
        """ + JWTOptions.table(.decode).helpLines() + """
              verify prints only the signature line (with --json, only the signature object).
            exit status: 0 decoded (and valid with --jwks), 1 not a JWT or signature INVALID, 2 usage,
              3 signature not checkable (JWKS unreachable or unreadable, no key with the token's kid, alg not RS256)

            """

    public init() {}

    public func run(_ context: inout CommandContext) -> ExitStatus {
        let options: JWTOptions
        do {
            options = try JWTOptions(context.arguments)
        } catch {
            context.io.stderr.writeDiagnostic(JWTOptions.table(.decode).message(for: error))
            return .usage
        }
        let text =
            (options.token == nil || options.token == "-")
            ? String(decoding: context.io.stdin.readAll(), as: UTF8.self) : options.token ?? ""
        let token: JWTToken
        do {
            token = try JWTToken(text)
        } catch {
            context.error("\(options.mode): \(error.description)")
            return .failure
        }
        var signature = JWTSignature.notChecked
        if let url = options.jwks {
            let trust = TrustStore(
                insecure: options.insecure, caCertificatePath: options.caCertificatePath.map(context.resolvePath),
                environment: context.environment)
            guard let checked = JWTVerifier.check(token, jwks: url, trust: trust, environment: context.environment)
            else {
                context.io.flush()
                return .interrupted
            }
            signature = checked
        }
        context.io.stdout.write(Self.render(token, signature: signature, options: options))
        switch signature {
        case .notChecked, .valid: return .success
        case .invalid: return .failure
        case .unchecked(let reason):
            context.error(reason)
            return .jwtKeyUnavailable
        }
    }

    /// What `jwt` prints on standard output.
    static func render(_ token: JWTToken, signature: JWTSignature, options: JWTOptions) -> String {
        if options.json {
            let object: JSONValue =
                options.mode == .verify
                ? signature.json
                : .object(
                    JSONObject([("header", token.header), ("payload", token.payload), ("signature", signature.json)]))
            return JSONWriter.prettyString(object) + "\n"
        }
        let signatureLine = signature.line.map { $0 + "\n" } ?? ""
        if options.mode == .verify { return signatureLine }
        let now = Int64(timeOfDay())
        var output =
            "header:\n\(JSONWriter.prettyString(token.header))\npayload:\n\(JSONWriter.prettyString(token.payload))\n"
        if let exp = token.payload.member("exp")?.epochSeconds {
            output += "exp: \(JWTTime.format(exp)) (\(JWTTime.expiry(exp, now: now)))\n"
        }
        if let iat = token.payload.member("iat")?.epochSeconds {
            output += "iat: \(JWTTime.format(iat)) (\(JWTTime.issued(iat, now: now)))\n"
        }
        if let nbf = token.payload.member("nbf")?.epochSeconds {
            output += "nbf: \(JWTTime.format(nbf))\n"
        }
        return output + signatureLine
    }
}
