import OptionParsing
import ShellRuntime

/// The command line of `wscat`: wscat2 1.x flags (what the LivePerson tutorials use) plus upstream wscat's.
struct WSCatOptions: Equatable, Sendable {
    /// An upgrade request header, `Name:value` split at the first colon.
    struct Header: Equatable, Sendable {
        var name: String
        var value: String
    }

    var url = ""
    var headers: [Header] = []
    /// `-k`: seconds between keepalive pings (silent).
    var keepalive: Double?
    /// `-r`: reconnect after a transient close.
    var retry = false
    /// `-P`: accepted for wscat2 compatibility; `/ping`, `/pong`, `/close [code [reason]]` always work.
    var parseCommands = false
    /// `-m`: frames sent as soon as the socket is open.
    var messages: [String] = []
    /// `-x`: frames sent on connect instead of reading input, then close.
    var execute: [String] = []
    /// `-w`: seconds to keep listening after the last frame was sent.
    var wait: Double?
    /// `-n`: do not verify the server certificate.
    var noCheck = false
    /// `--ca`: trust only the certificates in this PEM file.
    var caFile: String?
    var subprotocols: [String] = []
    var origin: String?
    /// `--auth user:pass`: HTTP Basic authentication on the upgrade request.
    var auth: String?
    var connectTimeout: Double?
    /// `--raw`: print received frames exactly as received.
    var raw = false
    /// `--timestamp`: prefix received frames with the local time.
    var timestamps = false
    var noColor = false
    var showHelp = false
    /// `--proxy [http://][user:password@]host[:port]`: tunnel through this HTTP proxy (`CONNECT`).
    var proxy: String?

    /// Parses the arguments (without the command name).
    static func parse(_ arguments: [String]) throws(UsageError) -> WSCatOptions {
        var options = WSCatOptions()
        var positional: [String] = []
        var parser = table.parser(for: arguments)
        while let argument = try parser.next() {
            switch argument {
            case .operand(let word): positional.append(word)
            case .option(let option): try options.apply(option)
            }
        }
        try options.finish(positional: positional)
        return options
    }

    private mutating func apply(_ option: ParsedOption) throws(UsageError) {
        let value = option.value ?? ""
        let flag = option.spelling
        switch option.name {
        case "--connect":
            guard url.isEmpty else { throw .invalid("one URL only: '\(url)' and '\(value)'") }
            url = value
        case "--header": headers.append(try Self.header(value))
        case "--keepalive": keepalive = try Self.seconds(value, flag: flag, allowZero: false)
        case "--retry": retry = true
        case "--parsecommands": parseCommands = true
        case "--message": messages.append(value)
        case "--execute": execute.append(value)
        case "--wait": wait = try Self.seconds(value, flag: flag, allowZero: true)
        case "--no-check": noCheck = true
        case "--ca": caFile = value
        case "--proxy": proxy = value
        case "--subprotocol": subprotocols.append(value)
        case "--origin": origin = value
        case "--auth":
            guard value.contains(":") else { throw .invalid("--auth: expected user:password, got '\(value)'") }
            auth = value
        case "--connect-timeout": connectTimeout = try Self.seconds(value, flag: flag, allowZero: false)
        case "--raw": raw = true
        case "--timestamp": timestamps = true
        case "--no-color": noColor = true
        case "--help": showHelp = true
        default:  // --listen
            throw .invalid("option '\(flag)': listen mode is not supported (lp-shell's wscat is a client)")
        }
    }

    private mutating func finish(positional: [String]) throws(UsageError) {
        var remaining = positional[...]
        if url.isEmpty, let first = remaining.first {
            url = first
            remaining.removeFirst()
        }
        if let extra = remaining.first {
            throw .invalid("unexpected argument '\(extra)' (one URL, frames go with -x)")
        }
        if showHelp { return }
        guard !url.isEmpty else {
            throw .invalid("a URL is required: wscat -c wss://host/path (try wscat --help)")
        }
        url = try Self.normalizedURL(url)
    }

    /// `Name:value` or `Name: value`.
    static func header(_ text: String) throws(UsageError) -> Header {
        guard let colon = text.firstIndex(of: ":") else {
            throw .invalid("-H '\(text)': a header is Name:value")
        }
        let name = String(text[..<colon]).trimmingWhitespace
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) }) else {
            throw .invalid("-H '\(text)': '\(name)' is not a header name")
        }
        return Header(name: name, value: String(text[text.index(after: colon)...]).trimmingWhitespace)
    }

    static func seconds(_ text: String, flag: String, allowZero: Bool) throws(UsageError) -> Double {
        guard let value = Double(text), value.isFinite, value > 0 || (allowZero && value == 0) else {
            throw .invalid("option '\(flag)': expected a number of seconds, got '\(text)'")
        }
        return value
    }

    /// Adds `ws://` to a URL without a scheme (as wscat does) and checks the scheme and host.
    static func normalizedURL(_ text: String) throws(UsageError) -> String {
        var url = text
        if !url.contains("://") { url = "ws://" + url }
        let lower = url.lowercased()
        guard lower.hasPrefix("ws://") || lower.hasPrefix("wss://") else {
            throw .invalid("'\(text)': the URL must start with ws:// or wss://")
        }
        guard let separator = url.firstRange(of: "://") else {
            throw .invalid("'\(text)': the URL must start with ws:// or wss://")
        }
        let afterScheme = url[separator.upperBound...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" }
        if authority.isEmpty || authority.hasPrefix(":") {
            throw .invalid(
                "'\(text)': the URL has no host (is a variable such as $LP_ASYNCMESSAGINGENT empty?)")
        }
        return url
    }
}

extension WSCatOptions {
    /// wscat2's options and upstream wscat's, in the order of `wscat --help`.
    static let table = OptionTable(
        "wscat",
        options: [
            OptionDefinition(
                ["-c", "--connect"], .required, placeholder: "URL", help: "the ws:// or wss:// URL to connect to"),
            OptionDefinition(
                ["-H", "--header"], .required, placeholder: "NAME:VALUE",
                help: "upgrade request header (repeatable; `Authorization:jwt $LP_JWT`)"),
            OptionDefinition(
                ["-k", "--keepalive"], .required, placeholder: "SECONDS",
                help: "send a WebSocket ping every SECONDS (silently)"),
            OptionDefinition(
                ["-r", "--retry"], help: "reconnect after a transient close (never with a rejected token)"),
            OptionDefinition(
                ["-P", "--parsecommands", "--slash"],
                help: "accepted for wscat2; /ping, /pong, /close [CODE [REASON]] always work"),
            OptionDefinition(
                ["-m", "--message"], .required, placeholder: "FRAME",
                help: "send FRAME as soon as the socket is open (repeatable)"),
            OptionDefinition(
                ["-x", "--execute"], .required, placeholder: "FRAME",
                help: "send FRAME instead of reading input, then close (repeatable)"),
            OptionDefinition(
                ["-w", "--wait"], .required, placeholder: "SECONDS",
                help: "keep listening SECONDS after the last frame (default: until every request\n"
                    + "with an id has its response, at most 10 s)"),
            OptionDefinition(["-n", "--no-check"], help: "do not verify the server's TLS certificate"),
            OptionDefinition(
                ["--ca"], .required, placeholder: "FILE",
                help: "trust the CA certificates in FILE (default: $SSL_CERT_FILE, then the system's)"),
            OptionDefinition(
                ["-s", "--subprotocol"], .required, placeholder: "NAME", help: "Sec-WebSocket-Protocol (repeatable)"),
            OptionDefinition(["-o", "--origin"], .required, placeholder: "ORIGIN", help: "Origin header"),
            OptionDefinition(["--auth"], .required, placeholder: "USER:PASS", help: "HTTP Basic authentication"),
            OptionDefinition(
                ["--connect-timeout"], .required, placeholder: "SECONDS",
                help: "give up connecting after SECONDS (default 30)"),
            OptionDefinition(
                ["--proxy"], .required, placeholder: "[http://][USER:PASS@]HOST[:PORT]",
                help: "tunnel through this HTTP proxy (CONNECT); without it, https_proxy (wss)\n"
                    + "or http_proxy (ws), all_proxy and no_proxy are honoured as by curl"),
            OptionDefinition(["--raw"], help: "print received frames exactly as received"),
            OptionDefinition(["--timestamp", "--timestamps"], help: "prefix received frames with the time"),
            OptionDefinition(["--no-color"], help: "no colours at the terminal"),
            OptionDefinition(["-l", "--listen"], help: "not supported: lp-shell's wscat is a client"),
            OptionDefinition(["-h", "--help"], help: "print this help"),
        ],
        wording: { error in
            let message: String
            switch error.kind {
            case .invalid(let text): message = text
            case .missingValue: message = "option '\(error.spelling)' needs an argument (try wscat --help)"
            case .unexpectedValue: message = "option '\(error.spelling)' takes no argument"
            default: message = "unknown option '\(error.spelling)' (try wscat --help)"
            }
            return "wscat: " + message + "\n"
        })
}
