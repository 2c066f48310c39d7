import OptionParsing

extension SandboxConfiguration {
    /// `lp-shell sandbox`'s options, from which its parser and its `--help` come.
    public static let table = OptionTable(
        "lp-shell sandbox",
        options: [
            OptionDefinition(
                ["--host"], .required, placeholder: "ADDRESS", help: "address to bind (default 127.0.0.1)"),
            OptionDefinition(
                ["--port"], .required, placeholder: "PORT", help: "port to bind, 0 for any free port (default 8443)"),
            OptionDefinition(
                ["--ca-dir"], .required, placeholder: "DIR",
                help: "where the CA, certificate and signing key are kept\n"
                    + "(default: the --data DIR, else $XDG_DATA_HOME/lp-shell/sandbox)"),
            OptionDefinition(
                ["--data"], .required, placeholder: "DIR",
                help: "keep accounts, conversations, messages, agent sessions and token\n"
                    + "revocations in DIR/sandbox.sqlite across restarts (default: memory only)"),
            OptionDefinition(
                ["--account"], .required, placeholder: "ID",
                help: "account the export lines name (default sandbox; any id works)"),
            OptionDefinition(
                ["--ext-token-ttl"], .required, placeholder: "TIME",
                help: "lifetime of anonymous/authorize tokens (default 10m)"),
            OptionDefinition(
                ["--refresh-window"], .required, placeholder: "TIME",
                help: "how long they can be refreshed (default 730h)"),
            OptionDefinition(
                ["--signup-token-ttl"], .required, placeholder: "TIME",
                help: "lifetime of signup tokens (default 4748d)"),
            OptionDefinition(
                ["--bot-delay"], .required, placeholder: "TIME",
                help: "delay of the built-in bot's replies (default 300ms)"),
            OptionDefinition(["--no-bot"], help: "no built-in bot agent"),
            OptionDefinition(
                ["--no-survey"],
                help: "no post-conversation survey: closing a conversation closes it (default: closing an\n"
                    + "assigned conversation opens a POST_SURVEY dialog with the built-in survey bot)"),
            OptionDefinition(
                ["--survey-timeout"], .required, placeholder: "TIME",
                help: "close a survey the consumer has not answered for this long (default 1h)"),
            OptionDefinition(
                ["--init-timeout"], .required, placeholder: "TIME",
                help: "time allowed before InitConnection on a socket without a token (default 5s)"),
            OptionDefinition(
                ["--idle-timeout"], .required, placeholder: "TIME",
                help: "close a connection that sends no request for this long (default 10s)"),
            OptionDefinition(
                ["--header-timeout"], .required, placeholder: "TIME",
                help: "answer 408 and close when a request head takes longer (default 10s)"),
            OptionDefinition(
                ["--rate-limit"], .required, placeholder: "N",
                help: "requests per second per socket before 429 (default 2000)"),
            OptionDefinition(["-h", "--help"], help: "show this help"),
        ],
        wording: { error in
            switch error.kind {
            case .unknownOption:
                "lp-shell sandbox: unknown option '\(error.spelling)' (see lp-shell sandbox --help)\n"
            case .invalid(let message) where error.spelling.isEmpty: "lp-shell sandbox: \(message)\n"
            case .invalid(let message): "lp-shell sandbox: \(error.spelling): \(message)\n"
            default: "lp-shell sandbox: \(error.defaultMessage)\n"
            }
        })

    /// The text `lp-shell sandbox --help` prints.
    public static let helpText = """
        usage: lp-shell sandbox [options]

        Runs the LivePerson sandbox (CSDS, IdP, agentVep, messaging WebSocket) over HTTPS/WSS in the foreground
        and prints the export lines that point the tutorials at it. Ctrl-C stops it.

        options:

        """ + table.helpLines() + """

            TIME is a number with a unit: ms, s, m, h or d (30s, 10m, 730h).
            """

    /// Parses `lp-shell sandbox` arguments (without the command name).
    ///
    /// - Throws: `UsageError` naming the option and the offending value; `table.message(for:)` words it.
    public static func parse(arguments: [String]) throws(UsageError) -> SandboxConfiguration {
        try parse(arguments: arguments, table: table)
    }

    /// Parses `arguments` with `table` (``table`` or ``classTable``, which adds `--name`) over `configuration`.
    static func parse(
        arguments: [String], table: OptionTable, over configuration: SandboxConfiguration = SandboxConfiguration()
    ) throws(UsageError) -> SandboxConfiguration {
        var configuration = configuration
        var parser = table.parser(for: arguments)
        while let argument = try parser.next() {
            guard case .option(let option) = argument else {
                guard case .operand(let word) = argument else { continue }
                throw UsageError.invalid("unexpected argument '\(word)' (see \(table.command) --help)")
            }
            let value = option.value ?? ""
            func invalid(_ message: String) -> UsageError { .invalid(message, spelling: option.name) }
            switch option.name {
            case "--help":
                configuration.showHelp = true
            case "--host":
                guard !value.isEmpty else { throw invalid("empty address") }
                configuration.host = value
            case "--port":
                guard let port = Int(value), (0...65535).contains(port) else {
                    throw invalid("not a port number: '\(value)'")
                }
                configuration.port = port
            case "--ca-dir":
                guard !value.isEmpty else { throw invalid("empty directory") }
                configuration.caDirectory = value
            case "--data":
                guard !value.isEmpty else { throw invalid("empty directory") }
                configuration.dataDirectory = value
            case "--account":
                guard Self.isValidAccount(value) else { throw invalid("not an account id: '\(value)'") }
                configuration.defaultAccount = value
            case "--ext-token-ttl":
                configuration.externalTokenTTL = try Self.duration(value, option: option.name)
            case "--refresh-window":
                configuration.refreshWindow = try Self.duration(value, option: option.name)
            case "--signup-token-ttl":
                configuration.signupTokenTTL = try Self.duration(value, option: option.name)
            case "--bot-delay":
                configuration.botReplyDelay = try Self.duration(value, option: option.name, allowZero: true)
            case "--no-bot":
                configuration.botEnabled = false
            case "--no-survey":
                configuration.surveyEnabled = false
            case "--survey-timeout":
                configuration.surveyTimeout = try Self.duration(value, option: option.name)
            case "--init-timeout":
                configuration.initConnectionTimeout = try Self.duration(value, option: option.name)
            case "--idle-timeout":
                configuration.idleTimeout = try Self.duration(value, option: option.name)
            case "--header-timeout":
                configuration.headerTimeout = try Self.duration(value, option: option.name)
            case "--name":
                guard let name = ClassSettings.validName(value) else {
                    throw invalid("a class name is 1 to 60 printable characters: '\(value)'")
                }
                configuration.classroom?.name = name
            default:  // --rate-limit
                guard let limit = Int(value), limit > 0 else { throw invalid("not a positive number: '\(value)'") }
                configuration.requestsPerSecond = limit
            }
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
    static func duration(_ text: String, option: String, allowZero: Bool = false) throws(UsageError) -> Duration {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            let number = text.dropLast(suffix.count)
            guard let value = Double(number), value.isFinite, value >= 0, allowZero || value > 0 else { break }
            return .milliseconds(Int64((value * scale * 1000).rounded()))
        }
        throw .invalid("not a duration: '\(text)' (use e.g. 300ms, 30s, 10m, 730h)", spelling: option)
    }
}

extension SandboxConfiguration {
    /// `lp-shell class`'s options: the sandbox's and `--name`.
    public static let classTable = OptionTable(
        "lp-shell class",
        options: [
            OptionDefinition(
                ["--name"], .required, placeholder: "NAME", help: "the class's name, shown on the dashboard")
        ] + table.options,
        wording: { error in
            switch error.kind {
            case .unknownOption:
                "lp-shell class: unknown option '\(error.spelling)' (see lp-shell class --help)\n"
            case .invalid(let message) where error.spelling.isEmpty: "lp-shell class: \(message)\n"
            case .invalid(let message): "lp-shell class: \(error.spelling): \(message)\n"
            default: "lp-shell class: \(error.defaultMessage)\n"
            }
        })

    /// Parses `lp-shell class` arguments (without the command name): the sandbox's options and `--name`.
    public static func parseClass(arguments: [String]) throws(UsageError) -> SandboxConfiguration {
        try parse(arguments: arguments, table: classTable, over: classDefaults(steps: []))
    }

    /// What `lp-shell class` starts from before its options: a class listing `steps`, and 200 requests a second
    /// on one learner's socket before 429s (the plain sandbox allows 2000, for load tests).
    static func classDefaults(steps: [ClassStep]) -> SandboxConfiguration {
        var configuration = SandboxConfiguration()
        var settings = ClassSettings()
        settings.steps = steps
        configuration.classroom = settings
        configuration.requestsPerSecond = 200
        return configuration
    }

    /// The text `lp-shell class --help` prints.
    public static let classHelpText = """
        usage: lp-shell class [--name NAME] [--host ADDRESS] [--port PORT] [--data DIR] [options]

        Runs one sandbox for a whole class: learners join it with the join line it prints
        (lp-shell --join https://HOST:PORT/#CODE.FINGERPRINT), each gets an account of their own, and
        the dashboard (the URL with the teacher key) shows everyone's progress live, with an agent
        console. It binds loopback unless --host says otherwise. Ctrl-C stops it.

        options:

        """ + classTable.helpLines() + """

            TIME is a number with a unit: ms, s, m, h or d (30s, 10m, 730h).
            """
}
