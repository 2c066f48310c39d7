import OptionParsing
import ShellRuntime

/// A parsed `jwt decode` / `jwt verify` command line.
struct JWTOptions: Sendable, Equatable {
    /// `decode` (header, payload, signature line) or `verify` (the signature line only).
    enum Mode: String, Sendable {
        case decode
        case verify
    }

    var mode: Mode
    /// `--json`.
    var json = false
    /// `--jwks URL`.
    var jwks: String?
    /// `-k`/`--insecure`.
    var insecure = false
    /// `--cacert FILE`.
    var caCertificatePath: String?
    /// The token argument, nil (or `-`) for standard input.
    var token: String?

    /// Parses the arguments after `jwt`.
    init(_ arguments: [String]) throws(UsageError) {
        guard let first = arguments.first else {
            throw .invalid("missing subcommand; try 'jwt decode TOKEN'")
        }
        guard let mode = Mode(rawValue: first) else {
            throw .invalid("unknown subcommand '\(first)'; try 'jwt decode TOKEN'")
        }
        self.mode = mode
        var parser = Self.table(mode).parser(for: Array(arguments.dropFirst()))
        while let argument = try parser.next() {
            switch argument {
            case .operand(let word):
                guard token == nil else { throw .invalid("\(mode): more than one token given") }
                token = word
            case .option(let option):
                switch option.name {
                case "--json": json = true
                case "--jwks": jwks = option.value
                case "--insecure": insecure = true
                default: caCertificatePath = option.value
                }
            }
        }
        if mode == .verify && jwks == nil {
            throw .invalid("verify: --jwks URL is required")
        }
    }

    /// The options of `jwt decode` and `jwt verify`; errors name the subcommand.
    static func table(_ mode: Mode) -> OptionTable {
        OptionTable(
            "jwt",
            options: [
                OptionDefinition(["--json"], help: "print {\"header\":…,\"payload\":…,\"signature\":…} for scripts"),
                OptionDefinition(
                    ["--jwks"], .required, placeholder: "URL",
                    help: "fetch the JWKS at URL, pick the key by the token's kid and check the RS256 signature"),
                OptionDefinition(
                    ["-k", "--insecure"], help: "do not verify the JWKS server's TLS certificate (like curl -k)"),
                OptionDefinition(
                    ["--cacert"], .required, placeholder: "FILE",
                    help: "also trust the CA certificates in FILE (like curl; CURL_CA_BUNDLE and SSL_CERT_FILE too)"),
            ],
            wording: { error in
                switch error.kind {
                case .invalid(let message): "jwt: \(message)\n"
                case .missingValue: "jwt: \(mode): \(error.spelling) needs a value\n"
                case .unexpectedValue: "jwt: \(mode): \(error.spelling) takes no value\n"
                default: "jwt: \(mode): unknown option '\(error.word)'\n"
                }
            })
    }
}
