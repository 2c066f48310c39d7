import HTTPTransfer
import OptionParsing
import ShellRuntime

/// Parses a curl command line the way curl 7.88.1's `tool_getparam.c` does.
///
/// - Short options bundle (`-sSL`); a short option that takes a value uses the rest of its bundle (`-XPOST`)
///   or the next argument (`-sX POST`).
/// - Long options take their value from the next argument; `--opt=value` is not special, so it is an unknown
///   option, as in curl. An unambiguous prefix of a long option works (`--sil`), `--no-NAME` turns a boolean off.
/// - `--` ends options; every other argument that does not start with `-` is a URL.
enum CurlOptionParser {
    /// What an option does with the parsed options.
    /// Closures rather than key paths: a cold process would build every key path of the table at first use.
    private enum Action: Sendable {
        case flag(@Sendable (inout CurlOptions, Bool) -> Void)
        case value(@Sendable (inout CurlOptions, String) -> Void)
        case integer(@Sendable (inout CurlOptions, Int) -> Void)
        case seconds(@Sendable (inout CurlOptions, Double?) -> Void)
        /// A whole number of zero or more (`--retry`, `--retry-delay`): curl's `str2unum`.
        case count(@Sendable (inout CurlOptions, Int) -> Void)
    }

    private struct Option: Sendable {
        let definition: OptionDefinition
        let action: Action

        /// A flag: `Option(["-s", "--silent"], "Silent mode", .flag { … })`.
        init(_ names: [String], _ help: String, _ action: Action) {
            self.init(names, "", help, action)
        }

        /// An option with a value: `Option(["-X", "--request"], "<method>", "Specify …", .value { … })`.
        init(_ names: [String], _ placeholder: String, _ help: String, _ action: Action) {
            let argument: OptionDefinition.Argument
            if case .flag = action { argument = .none } else { argument = .required }
            definition = OptionDefinition(names, argument, placeholder: placeholder, help: help)
            self.action = action
        }
    }

    private static let options: [Option] = [
        Option(["-X", "--request"], "<method>", "Specify request method to use", .value { $0.method = $1 }),
        Option(
            ["-H", "--header"], "<header/@file>",
            "Pass custom header(s) to server ('Name;' sends it empty, 'Name:' removes it)",
            .value { $0.headers.append($1) }),
        Option(
            ["-d", "--data"], "<data>", "HTTP POST data (@file, @- for stdin; joined with &)",
            .value { $0.appendData(.ascii($1)) }),
        Option(["--data-ascii"], "<data>", "HTTP POST ASCII data", .value { $0.appendData(.ascii($1)) }),
        Option(["--data-raw"], "<data>", "HTTP POST data, '@' allowed", .value { $0.appendData(.raw($1)) }),
        Option(["--data-binary"], "<data>", "HTTP POST binary data", .value { $0.appendData(.binary($1)) }),
        Option(
            ["--data-urlencode"], "<data>", "HTTP POST data url encoded", .value { $0.appendData(.urlencode($1)) }),
        Option(["--json"], "<data>", "HTTP POST JSON", .value { $0.appendData(.json($1)) }),
        Option(["-G", "--get"], "Put the post data in the URL and use GET", .flag { $0.dataInQuery = $1 }),
        Option(
            ["-i", "--include"], "Include protocol response headers in the output",
            .flag { $0.includeHeaders = $1 }),
        Option(["-I", "--head"], "Show document info only", .flag { $0.headOnly = $1 }),
        Option(["-s", "--silent"], "Silent mode", .flag { $0.silent = $1 }),
        Option(["-S", "--show-error"], "Show error even when -s is used", .flag { $0.showError = $1 }),
        Option(["-f", "--fail"], "Fail fast with no output on HTTP errors", .flag { $0.failOnHTTPError = $1 }),
        Option(["--fail-with-body"], "Fail on HTTP errors but save the body", .flag { $0.failWithBody = $1 }),
        Option(["-L", "--location"], "Follow redirects", .flag { $0.followRedirects = $1 }),
        Option(
            ["--max-redirs"], "<num>", "Maximum number of redirects allowed", .integer { $0.maxRedirects = $1 }),
        Option(["-o", "--output"], "<file>", "Write to file instead of stdout", .value { $0.outputPath = $1 }),
        Option(
            ["-O", "--remote-name"], "Write output to a file named as the remote file", .flag { $0.remoteName = $1 }),
        Option(
            ["-T", "--upload-file"], "<file>", "Transfer local FILE to destination", .value { $0.uploadPath = $1 }),
        Option(
            ["-b", "--cookie"], "<data|filename>", "Send cookies from string/file", .value { $0.cookies.append($1) }),
        Option(
            ["-c", "--cookie-jar"], "<filename>", "Write cookies to <filename> after operation",
            .value { $0.cookieJarPath = $1 }),
        Option(["-u", "--user"], "<user:password>", "Server user and password", .value { $0.user = $1 }),
        Option(["-k", "--insecure"], "Allow insecure server connections", .flag { $0.insecure = $1 }),
        Option(
            ["--cacert"], "<file>", "CA certificate to verify peer against (also CURL_CA_BUNDLE, SSL_CERT_FILE)",
            .value { $0.caCertificatePath = $1 }),
        Option(["-v", "--verbose"], "Make the operation more talkative", .flag { $0.verbose = $1 }),
        Option(["-w", "--write-out"], "<format>", "Use output FORMAT after completion", .value { $0.writeOut = $1 }),
        Option(
            ["-m", "--max-time"], "<seconds>", "Maximum time allowed for transfer", .seconds { $0.maxTime = $1 }),
        Option(
            ["--connect-timeout"], "<seconds>", "Maximum time allowed for connection",
            .seconds { $0.connectTimeout = $1 }),
        Option(["-A", "--user-agent"], "<name>", "Send User-Agent <name> to server", .value { $0.userAgent = $1 }),
        Option(["-e", "--referer"], "<URL>", "Referrer URL", .value { $0.referer = $1 }),
        Option(["--compressed"], "Request compressed response", .flag { $0.compressed = $1 }),
        Option(["-x", "--proxy"], "[protocol://]host[:port]", "Use this proxy", .value { $0.proxy = $1 }),
        Option(
            ["--noproxy"], "<no-proxy-list>", "List of hosts which do not use proxy", .value { $0.noProxy = $1 }),
        Option(
            ["-U", "--proxy-user"], "<user:password>", "Proxy user and password", .value { $0.proxyUser = $1 }),
        Option(
            ["--pretty"], "lp-shell extension: on a terminal, show a JSON body indented and coloured like jq",
            .flag { $0.pretty = $1 }),
        Option(["--url"], "<url>", "URL to work with", .value { $0.urls.append($1) }),
        // Accepted and without effect here: lp-shell never buffers, globs or speaks anything but HTTP/1.1 and h2.
        Option(
            ["-N", "--no-buffer"], "Disable buffering of the output stream (always, here)", .flag { $0.ignored = $1 }),
        Option(["-g", "--globoff"], "Disable URL sequences and ranges (always, here)", .flag { $0.ignored = $1 }),
        Option(["-r", "--range"], "<range>", "Retrieve only the bytes within RANGE", .value { $0.setRange($1) }),
        Option(
            ["-F", "--form"], "<name=content>", "Specify multipart MIME data (@file, <file, ;type=, ;filename=)",
            .value { $0.form.append($1) }),
        Option(
            ["-D", "--dump-header"], "<filename>", "Write the received headers to <filename> (- for stdout)",
            .value { $0.dumpHeaderPath = $1 }),
        Option(
            ["--retry"], "<num>", "Retry request if transient problems occur", .count { $0.retry = $1 }),
        Option(
            ["--retry-delay"], "<seconds>", "Wait time between retries", .count { $0.retryDelay = $1 }),
        Option(
            ["--retry-max-time"], "<seconds>", "Retry only within this period",
            .count { $0.retryMaxTime = $1 }),
        Option(
            ["--retry-all-errors"], "Retry all errors (use with --retry)", .flag { $0.retryAllErrors = $1 }),
        Option(
            ["--retry-connrefused"], "Retry on connection refused (use with --retry)",
            .flag { $0.retryConnectionRefused = $1 }),
        Option(
            ["--oauth2-bearer"], "<token>", "OAuth 2 Bearer Token", .value { $0.oauth2Bearer = $1 }),
        Option(
            ["--no-progress-meter"], "Do not show the progress meter", .flag { $0.noProgressMeter = $1 }),
        Option(["-#", "--progress-bar"], "Display transfer progress as a bar", .flag { $0.progressBar = $1 }),
        Option(
            ["--create-dirs"], "Create necessary local directory hierarchy", .flag { $0.createDirectories = $1 }),
        Option(
            ["--resolve"], "<[+]host:port:addr[,addr]...>", "Resolve the host+port to this address",
            .value { $0.resolve.append($1) }),
        Option(["--http1.1"], "Use HTTP 1.1", .flag { $0.http1Only = $1 ? true : nil }),
        Option(
            ["--http2"], "Use HTTP 2 (over https as negotiated; plain http stays HTTP/1.1, no h2c upgrade)",
            .flag { $0.http1Only = $1 ? false : nil }),
        Option(
            ["--tlsv1.2"], "Use TLSv1.2 or greater", .flag { $0.minimumTLSVersion = $1 ? 12 : nil }),
        Option(
            ["--tlsv1.3"], "Use TLSv1.3 or greater", .flag { $0.minimumTLSVersion = $1 ? 13 : nil }),
        Option(
            ["-E", "--cert"], "<certificate>", "Client certificate file (PEM)",
            .value { $0.clientCertificatePath = $1 }),
        Option(["--key"], "<key>", "Private key file (PEM)", .value { $0.clientKeyPath = $1 }),
        Option(
            ["--url-query"], "<data>", "Add a URL query part (like --data-urlencode; + for as is)",
            .value { $0.urlQueries.append($1) }),
        Option(["--path-as-is"], "Do not squash .. sequences in URL path", .flag { $0.pathAsIs = $1 }),
        Option(["--stderr"], "<file>", "Where to redirect stderr (- for stdout)", .value { $0.stderrPath = $1 }),
        Option(["-4", "--ipv4"], "Resolve names to IPv4 addresses", .flag { $0.ipVersion = $1 ? 4 : nil }),
        Option(["-6", "--ipv6"], "Resolve names to IPv6 addresses", .flag { $0.ipVersion = $1 ? 6 : nil }),
        Option(["-h", "--help"], "Get help for commands", .flag { $0.help = $1 }),
        Option(["-V", "--version"], "Show version number and quit", .flag { $0.version = $1 }),
    ]

    /// curl's options, argv conventions and words.
    static let table = OptionTable("curl", options: options.map(\.definition), syntax: syntax, wording: wording)

    private static let syntax: OptionSyntax = {
        var syntax = OptionSyntax()
        syntax.acceptsAttachedLongValues = false
        syntax.abbreviatesLongNames = true
        syntax.negatesLongFlags = true
        return syntax
    }()

    /// curl's hint after every usage error.
    static let hint = "curl: try 'curl --help' or 'curl --manual' for more information\n"

    /// curl's words for a usage error (the word as typed, `-sZ` for an unknown `Z`), then the hint.
    private static let wording: OptionTable.Wording = { error in
        let message =
            switch error.kind {
            case .unknownOption, .unexpectedValue: "option \(error.word): is unknown"
            case .ambiguousOption: "option \(error.word): is ambiguous"
            case .negatedValueOption: "option \(error.word): used '--no-' for option that isn't a boolean"
            case .missingValue: "option \(error.spelling): requires parameter"
            case .invalid(let text): text
            }
        // curl's warnings that end a command line, without the hint (nothing at all when -s muted them).
        if message.hasPrefix("Warning: ") || (message.isEmpty && !error.suggestsHelp) { return message }
        return message.isEmpty ? hint : "curl: \(message)\n" + hint
    }

    /// Parses `arguments` (without the command name).
    static func parse(_ arguments: [String]) throws(UsageError) -> CurlOptions {
        var result = CurlOptions()
        var parser = table.parser(for: arguments)
        while let argument = try parser.next() {
            switch argument {
            case .operand(let url): result.urls.append(url)
            case .option(let option): try apply(option, to: &result)
            }
        }
        if arguments.isEmpty {
            throw .invalid("")
        }
        if result.urls.isEmpty && !result.help && !result.version {
            throw .invalid("no URL specified!")
        }
        if !result.form.isEmpty && (!result.data.isEmpty || result.uploadPath != nil || result.headOnly) {
            // curl 7.88.1: a warning, then exit 2 without the usual hint.
            let other =
                !result.data.isEmpty
                ? "POST (-d, --data)" : result.headOnly ? "HEAD (-I, --head)" : "PUT (-T, --upload-file)"
            // Muted by -s, as curl prints the warning while parsing.
            let warning = curlWarning(
                "You can only select one HTTP request method! You asked for both \(other) and multipart "
                    + "formpost (-F, --form).")
            throw .invalid(result.silent ? "" : warning, suggestsHelp: false)
        }
        return result
    }

    private static func apply(_ option: ParsedOption, to result: inout CurlOptions) throws(UsageError) {
        let value = option.value ?? ""
        switch options[option.index].action {
        case .flag(let set): set(&result, !option.isNegated)
        case .value(let store): store(&result, value)
        case .integer(let set): set(&result, try integer(value, option: option.spelling))
        case .seconds(let set): set(&result, try seconds(value, option: option.spelling))
        case .count(let set): set(&result, try count(value, option: option.spelling))
        }
    }

    private static func integer(_ text: String, option: String) throws(UsageError) -> Int {
        guard let value = Int(text), value >= -1 else {
            throw .invalid("option \(option): expected a proper numerical parameter")
        }
        return value
    }

    /// curl's `str2unum`: digits only; a negative number has its own message.
    private static func count(_ text: String, option: String) throws(UsageError) -> Int {
        if text.hasPrefix("-"), Int(text) != nil {
            throw .invalid("option \(option): expected a positive numerical parameter")
        }
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit), let value = Int(text) else {
            throw .invalid("option \(option): expected a proper numerical parameter")
        }
        return value
    }

    private static func seconds(_ text: String, option: String) throws(UsageError) -> Double {
        guard let value = Double(text), value >= 0, value.isFinite else {
            throw .invalid("option \(option): expected a proper numerical parameter")
        }
        return value
    }
}

extension CurlOptions {
    /// `-r`: curl 7.88.1 appends a dash to a lone number and warns about characters other than digits, `-`
    /// and `,` (warnings muted by an earlier `-s`, as curl prints them while parsing).
    fileprivate mutating func setRange(_ text: String) {
        let (range, warning) = CurlRange.normalised(text)
        self.range = range
        if let warning, !silent { parseWarnings.append(curlWarning(warning)) }
    }

    /// The sink for options curl accepts that change nothing here.
    fileprivate var ignored: Bool {
        get { false }
        set {}
    }
}
