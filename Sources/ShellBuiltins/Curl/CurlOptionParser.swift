import HTTPTransfer

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
    }

    private struct Option: Sendable {
        let long: String
        let short: Character?
        let action: Action
    }

    private static let options: [Option] = [
        Option(long: "request", short: "X", action: .value { $0.method = $1 }),
        Option(long: "header", short: "H", action: .value { $0.headers.append($1) }),
        Option(long: "data", short: "d", action: .value { $0.appendData(.ascii($1)) }),
        Option(long: "data-ascii", short: nil, action: .value { $0.appendData(.ascii($1)) }),
        Option(long: "data-raw", short: nil, action: .value { $0.appendData(.raw($1)) }),
        Option(long: "data-binary", short: nil, action: .value { $0.appendData(.binary($1)) }),
        Option(long: "data-urlencode", short: nil, action: .value { $0.appendData(.urlencode($1)) }),
        Option(long: "json", short: nil, action: .value { $0.appendData(.json($1)) }),
        Option(long: "get", short: "G", action: .flag { $0.dataInQuery = $1 }),
        Option(long: "include", short: "i", action: .flag { $0.includeHeaders = $1 }),
        Option(long: "head", short: "I", action: .flag { $0.headOnly = $1 }),
        Option(long: "silent", short: "s", action: .flag { $0.silent = $1 }),
        Option(long: "show-error", short: "S", action: .flag { $0.showError = $1 }),
        Option(long: "fail", short: "f", action: .flag { $0.failOnHTTPError = $1 }),
        Option(long: "fail-with-body", short: nil, action: .flag { $0.failWithBody = $1 }),
        Option(long: "location", short: "L", action: .flag { $0.followRedirects = $1 }),
        Option(long: "max-redirs", short: nil, action: .integer { $0.maxRedirects = $1 }),
        Option(long: "output", short: "o", action: .value { $0.outputPath = $1 }),
        Option(long: "remote-name", short: "O", action: .flag { $0.remoteName = $1 }),
        Option(long: "upload-file", short: "T", action: .value { $0.uploadPath = $1 }),
        Option(long: "cookie-jar", short: "c", action: .value { $0.cookieJarPath = $1 }),
        Option(long: "cookie", short: "b", action: .value { $0.cookies.append($1) }),
        Option(long: "user", short: "u", action: .value { $0.user = $1 }),
        Option(long: "insecure", short: "k", action: .flag { $0.insecure = $1 }),
        Option(long: "cacert", short: nil, action: .value { $0.caCertificatePath = $1 }),
        Option(long: "verbose", short: "v", action: .flag { $0.verbose = $1 }),
        Option(long: "write-out", short: "w", action: .value { $0.writeOut = $1 }),
        Option(long: "max-time", short: "m", action: .seconds { $0.maxTime = $1 }),
        Option(long: "connect-timeout", short: nil, action: .seconds { $0.connectTimeout = $1 }),
        Option(long: "user-agent", short: "A", action: .value { $0.userAgent = $1 }),
        Option(long: "referer", short: "e", action: .value { $0.referer = $1 }),
        Option(long: "compressed", short: nil, action: .flag { $0.compressed = $1 }),
        Option(long: "proxy", short: "x", action: .value { $0.proxy = $1 }),
        Option(long: "noproxy", short: nil, action: .value { $0.noProxy = $1 }),
        Option(long: "proxy-user", short: "U", action: .value { $0.proxyUser = $1 }),
        Option(long: "pretty", short: nil, action: .flag { $0.pretty = $1 }),
        Option(long: "url", short: nil, action: .value { $0.urls.append($1) }),
        Option(long: "help", short: "h", action: .flag { $0.help = $1 }),
        Option(long: "version", short: "V", action: .flag { $0.version = $1 }),
        // Accepted and without effect here: lp-shell never buffers, globs or speaks anything but HTTP/1.1 and h2.
        Option(long: "no-buffer", short: "N", action: .flag { $0.ignored = $1 }),
        Option(long: "globoff", short: "g", action: .flag { $0.ignored = $1 }),
        Option(long: "http1.1", short: nil, action: .flag { $0.ignored = $1 }),
    ]

    /// Parses `arguments` (without the command name).
    static func parse(_ arguments: [String]) throws(CurlUsageError) -> CurlOptions {
        var result = CurlOptions()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                result.urls.append(argument)
            } else if argument == "--" {
                optionsEnded = true
            } else if argument.hasPrefix("--") {
                try parseLong(argument, arguments: arguments, index: &index, into: &result)
            } else {
                try parseShort(argument, arguments: arguments, index: &index, into: &result)
            }
        }
        if arguments.isEmpty {
            throw CurlUsageError(message: "")
        }
        if result.urls.isEmpty && !result.help && !result.version {
            throw CurlUsageError(message: "no URL specified!")
        }
        return result
    }

    private static func parseLong(
        _ argument: String, arguments: [String], index: inout Int, into result: inout CurlOptions
    ) throws(CurlUsageError) {
        var name = String(argument.dropFirst(2))
        var negated = false
        var option = try lookUp(name, shown: argument)
        if option == nil, name.hasPrefix("no-") {
            name.removeFirst(3)
            option = try lookUp(name, shown: argument)
            negated = option != nil
        }
        guard let option else {
            throw CurlUsageError(message: "option \(argument): is unknown")
        }
        switch option.action {
        case .flag(let set):
            set(&result, !negated)
        case .value, .integer, .seconds:
            if negated {
                throw CurlUsageError(message: "option \(argument): used '--no-' for option that isn't a boolean")
            }
            guard index < arguments.count else {
                throw CurlUsageError(message: "option \(argument): requires parameter")
            }
            let value = arguments[index]
            index += 1
            try apply(option.action, value: value, shown: argument, to: &result)
        }
    }

    /// The option whose long name is `name`, or the only one it is a prefix of.
    private static func lookUp(_ name: String, shown: String) throws(CurlUsageError) -> Option? {
        if let exact = options.first(where: { $0.long == name }) { return exact }
        let candidates = options.filter { $0.long.hasPrefix(name) }
        if candidates.count > 1 {
            throw CurlUsageError(message: "option \(shown): is ambiguous")
        }
        return candidates.first
    }

    private static func parseShort(
        _ argument: String, arguments: [String], index: inout Int, into result: inout CurlOptions
    ) throws(CurlUsageError) {
        var letters = Substring(argument.dropFirst())
        while let letter = letters.first {
            letters = letters.dropFirst()
            guard let option = options.first(where: { $0.short == letter }) else {
                throw CurlUsageError(message: "option \(argument): is unknown")
            }
            switch option.action {
            case .flag(let set):
                set(&result, true)
            case .value, .integer, .seconds:
                let value: String
                if !letters.isEmpty {
                    value = String(letters)
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    throw CurlUsageError(message: "option -\(letter): requires parameter")
                }
                try apply(option.action, value: value, shown: "-\(letter)", to: &result)
                return
            }
        }
    }

    private static func apply(
        _ action: Action, value: String, shown: String, to result: inout CurlOptions
    ) throws(CurlUsageError) {
        switch action {
        case .flag(let set): set(&result, true)
        case .value(let store): store(&result, value)
        case .integer(let set): set(&result, try integer(value, option: shown))
        case .seconds(let set): set(&result, try seconds(value, option: shown))
        }
    }

    private static func integer(_ text: String, option: String) throws(CurlUsageError) -> Int {
        guard let value = Int(text), value >= -1 else {
            throw CurlUsageError(message: "option \(option): expected a proper numerical parameter")
        }
        return value
    }

    private static func seconds(_ text: String, option: String) throws(CurlUsageError) -> Double {
        guard let value = Double(text), value >= 0, value.isFinite else {
            throw CurlUsageError(message: "option \(option): expected a proper numerical parameter")
        }
        return value
    }
}

extension CurlOptions {
    /// The sink for options curl accepts that change nothing here.
    fileprivate var ignored: Bool {
        get { false }
        set {}
    }
}
