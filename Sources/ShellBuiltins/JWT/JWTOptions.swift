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

    /// A usage error: the message after `jwt: `.
    struct UsageError: Error, Sendable, Equatable {
        let message: String
    }

    /// Parses the arguments after `jwt`.
    init(_ arguments: [String]) throws(UsageError) {
        guard let first = arguments.first else {
            throw UsageError(message: "missing subcommand; try 'jwt decode TOKEN'")
        }
        guard let mode = Mode(rawValue: first) else {
            throw UsageError(message: "unknown subcommand '\(first)'; try 'jwt decode TOKEN'")
        }
        self.mode = mode
        var index = 1
        func value(for option: String) throws(UsageError) -> String {
            guard index < arguments.count else {
                throw UsageError(message: "\(mode): \(option) needs a value")
            }
            index += 1
            return arguments[index - 1]
        }
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            switch argument {
            case "--json": json = true
            case "--jwks": jwks = try value(for: argument)
            case "-k", "--insecure": insecure = true
            case "--cacert": caCertificatePath = try value(for: argument)
            default:
                if argument.hasPrefix("--jwks=") {
                    jwks = String(argument.dropFirst("--jwks=".count))
                } else if argument.hasPrefix("-") && argument != "-" {
                    throw UsageError(message: "\(mode): unknown option '\(argument)'")
                } else if token == nil {
                    token = argument
                } else {
                    throw UsageError(message: "\(mode): more than one token given")
                }
            }
        }
        if mode == .verify && jwks == nil {
            throw UsageError(message: "verify: --jwks URL is required")
        }
    }
}
