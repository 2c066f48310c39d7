import ShellRuntime

/// `jwt decode [--json] [TOKEN]`: shows a JWT's header and payload, with `exp`/`iat` as dates.
///
/// The token comes from the argument or standard input. No signature is checked.
public struct JWT: Builtin {
    public static let name = "jwt"
    public static let summary = "decode a JSON Web Token (header, payload, expiry)"
    public static let usage = """
        usage: jwt decode [--json] [TOKEN]
          Decodes TOKEN (or standard input): header and payload pretty-printed, exp/iat/nbf as UTC dates
          with the time left or past. The signature is not verified.
          --json   print {"header":…,"payload":…} for scripts

        """

    public init() {}

    public func run(_ context: inout CommandContext) -> ExitStatus {
        var arguments = context.arguments[...]
        guard arguments.first == "decode" else {
            context.error(
                arguments.first.map { "unknown subcommand '\($0)'; try 'jwt decode TOKEN'" }
                    ?? "missing subcommand; try 'jwt decode TOKEN'")
            return .usage
        }
        arguments = arguments.dropFirst()
        var json = false
        var tokenText: String?
        for argument in arguments {
            if argument == "--json" {
                json = true
            } else if argument.hasPrefix("-") && argument != "-" {
                context.error("decode: unknown option '\(argument)'")
                return .usage
            } else if tokenText == nil {
                tokenText = argument
            } else {
                context.error("decode: more than one token given")
                return .usage
            }
        }
        let text =
            (tokenText == nil || tokenText == "-")
            ? String(decoding: context.io.stdin.readAll(), as: UTF8.self) : tokenText ?? ""
        let token: JWTToken
        do {
            token = try JWTToken(text)
        } catch {
            context.error("decode: \(error.description)")
            return .failure
        }
        if json {
            let object = JWTJSON.object([("header", token.header), ("payload", token.payload)])
            context.io.stdout.write(object.pretty() + "\n")
            return .success
        }
        let now = Int64(timeOfDay())
        var output = "header:\n\(token.header.pretty())\npayload:\n\(token.payload.pretty())\n"
        if let exp = token.payload["exp"]?.integer {
            output += "exp: \(JWTTime.format(exp)) (\(JWTTime.expiry(exp, now: now)))\n"
        }
        if let iat = token.payload["iat"]?.integer {
            output += "iat: \(JWTTime.format(iat)) (\(JWTTime.issued(iat, now: now)))\n"
        }
        if let nbf = token.payload["nbf"]?.integer {
            output += "nbf: \(JWTTime.format(nbf))\n"
        }
        output += "signature: not verified\n"
        context.io.stdout.write(output)
        return .success
    }
}
