/// A bad `lp-shell sandbox` argument; `description` is the one line shown to the user.
public struct SandboxUsageError: Error, Equatable, CustomStringConvertible {
    public var description: String

    init(_ option: String, _ message: String) {
        description = "lp-shell sandbox: \(option): \(message)"
    }

    init(message: String) {
        description = "lp-shell sandbox: \(message)"
    }
}

extension SandboxConfiguration {
    /// The text `lp-shell sandbox --help` prints.
    public static let helpText = """
        usage: lp-shell sandbox [options]

        Runs the LivePerson sandbox (CSDS, IdP, agentVep, messaging WebSocket) over HTTPS/WSS in the foreground
        and prints the export lines that point the tutorials at it. Ctrl-C stops it.

        options:
          --host ADDRESS          address to bind (default 127.0.0.1)
          --port PORT             port to bind, 0 for any free port (default 8443)
          --ca-dir DIR            where the CA, certificate and signing key are kept
                                  (default: the --data DIR, else $XDG_DATA_HOME/lp-shell/sandbox)
          --data DIR              keep accounts, conversations, messages, agent sessions and token
                                  revocations in DIR/sandbox.sqlite across restarts (default: memory only)
          --account ID            account the export lines name (default sandbox; any id works)
          --ext-token-ttl TIME    lifetime of anonymous/authorize tokens (default 10m)
          --refresh-window TIME   how long they can be refreshed (default 730h)
          --signup-token-ttl TIME lifetime of signup tokens (default 4748d)
          --bot-delay TIME        delay of the built-in bot's replies (default 300ms)
          --no-bot                no built-in bot agent
          --init-timeout TIME     time allowed before InitConnection on a socket without a token (default 5s)
          --rate-limit N          requests per second per socket before 429 (default 2000)
          -h, --help              show this help

        TIME is a number with a unit: ms, s, m, h or d (30s, 10m, 730h).
        """

    /// Parses `lp-shell sandbox` arguments (without the command name).
    ///
    /// - Throws: ``SandboxUsageError`` naming the option and the offending value.
    public static func parse(arguments: [String]) throws -> SandboxConfiguration {
        var configuration = SandboxConfiguration()
        var index = 0
        func value(for option: String) throws -> String {
            index += 1
            guard index < arguments.count else { throw SandboxUsageError(option, "missing value") }
            return arguments[index]
        }
        while index < arguments.count {
            var argument = arguments[index]
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                inlineValue = String(argument[argument.index(after: equals)...])
                argument = String(argument[..<equals])
            }
            func next() throws -> String {
                if let inlineValue { return inlineValue }
                return try value(for: argument)
            }
            switch argument {
            case "-h", "--help":
                configuration.showHelp = true
            case "--host":
                let host = try next()
                guard !host.isEmpty else { throw SandboxUsageError(argument, "empty address") }
                configuration.host = host
            case "--port":
                let text = try next()
                guard let port = Int(text), (0...65535).contains(port) else {
                    throw SandboxUsageError(argument, "not a port number: '\(text)'")
                }
                configuration.port = port
            case "--ca-dir":
                let directory = try next()
                guard !directory.isEmpty else { throw SandboxUsageError(argument, "empty directory") }
                configuration.caDirectory = directory
            case "--data":
                let directory = try next()
                guard !directory.isEmpty else { throw SandboxUsageError(argument, "empty directory") }
                configuration.dataDirectory = directory
            case "--account":
                let account = try next()
                guard Self.isValidAccount(account) else {
                    throw SandboxUsageError(argument, "not an account id: '\(account)'")
                }
                configuration.defaultAccount = account
            case "--ext-token-ttl":
                configuration.externalTokenTTL = try Self.duration(try next(), option: argument)
            case "--refresh-window":
                configuration.refreshWindow = try Self.duration(try next(), option: argument)
            case "--signup-token-ttl":
                configuration.signupTokenTTL = try Self.duration(try next(), option: argument)
            case "--bot-delay":
                configuration.botReplyDelay = try Self.duration(try next(), option: argument, allowZero: true)
            case "--no-bot":
                configuration.botEnabled = false
            case "--init-timeout":
                configuration.initConnectionTimeout = try Self.duration(try next(), option: argument)
            case "--rate-limit":
                let text = try next()
                guard let limit = Int(text), limit > 0 else {
                    throw SandboxUsageError(argument, "not a positive number: '\(text)'")
                }
                configuration.requestsPerSecond = limit
            default:
                if argument.hasPrefix("-") {
                    throw SandboxUsageError(message: "unknown option '\(argument)' (see lp-shell sandbox --help)")
                }
                throw SandboxUsageError(message: "unexpected argument '\(argument)' (see lp-shell sandbox --help)")
            }
            index += 1
        }
        return configuration
    }

    /// Account ids: 1–64 letters, digits, `-` or `_` (they appear in URL paths and JWT audiences).
    static func isValidAccount(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64
            && text.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
            }
    }

    /// Parses `300ms`, `30s`, `10m`, `730h`, `2d`.
    static func duration(_ text: String, option: String, allowZero: Bool = false) throws -> Duration {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            let number = text.dropLast(suffix.count)
            guard let value = Double(number), value.isFinite, value >= 0, allowZero || value > 0 else { break }
            return .milliseconds(Int64((value * scale * 1000).rounded()))
        }
        throw SandboxUsageError(option, "not a duration: '\(text)' (use e.g. 300ms, 30s, 10m, 730h)")
    }
}
