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

    /// A command-line mistake: the one-line message (exit status 2).
    struct UsageError: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// Parses the arguments (without the command name).
    static func parse(_ arguments: [String]) throws(UsageError) -> WSCatOptions {
        var options = WSCatOptions()
        var positional: [String] = []
        var index = 0
        func value(for flag: String, inline: String?) throws(UsageError) -> String {
            if let inline { return inline }
            index += 1
            guard index < arguments.count else {
                throw UsageError(description: "option '\(flag)' needs an argument (try wscat --help)")
            }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            defer { index += 1 }
            guard argument.hasPrefix("-"), argument != "-" else {
                positional.append(argument)
                continue
            }
            if argument == "--" {
                positional.append(contentsOf: arguments[(index + 1)...])
                index = arguments.count
                continue
            }
            var flag = argument
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            } else if !argument.hasPrefix("--"), argument.count > 2 {
                flag = String(argument.prefix(2))
                inline = String(argument.dropFirst(2))
                if Self.booleanShortFlags.contains(flag) {
                    // `-rn`: several boolean flags together.
                    for letter in argument.dropFirst() {
                        try options.apply(flag: "-\(letter)", inline: nil) { () throws(UsageError) in "" }
                    }
                    continue
                }
            }
            try options.apply(flag: flag, inline: inline) { () throws(UsageError) in
                try value(for: flag, inline: inline)
            }
        }
        try options.finish(positional: positional)
        return options
    }

    private static let booleanShortFlags: Set<String> = ["-r", "-P", "-n", "-h"]

    private mutating func apply(
        flag: String, inline: String?, value: () throws(UsageError) -> String
    ) throws(UsageError) {
        if inline != nil, Self.booleanFlags.contains(flag) {
            throw UsageError(description: "option '\(flag)' takes no argument")
        }
        switch flag {
        case "-c", "--connect":
            let url = try value()
            guard self.url.isEmpty else {
                throw UsageError(description: "one URL only: '\(self.url)' and '\(url)'")
            }
            self.url = url
        case "-H", "--header": headers.append(try Self.header(try value()))
        case "-k", "--keepalive": keepalive = try Self.seconds(try value(), flag: flag, allowZero: false)
        case "-r", "--retry": retry = true
        case "-P", "--parsecommands", "--slash": parseCommands = true
        case "-m", "--message": messages.append(try value())
        case "-x", "--execute": execute.append(try value())
        case "-w", "--wait": wait = try Self.seconds(try value(), flag: flag, allowZero: true)
        case "-n", "--no-check": noCheck = true
        case "--ca": caFile = try value()
        case "--proxy": proxy = try value()
        case "-s", "--subprotocol": subprotocols.append(try value())
        case "-o", "--origin": origin = try value()
        case "--auth":
            let credentials = try value()
            guard credentials.contains(":") else {
                throw UsageError(description: "--auth: expected user:password, got '\(credentials)'")
            }
            auth = credentials
        case "--connect-timeout": connectTimeout = try Self.seconds(try value(), flag: flag, allowZero: false)
        case "--raw": raw = true
        case "--timestamp", "--timestamps": timestamps = true
        case "--no-color": noColor = true
        case "-h", "--help": showHelp = true
        case "-l", "--listen":
            throw UsageError(
                description: "option '\(flag)': listen mode is not supported (lp-shell's wscat is a client)")
        default:
            throw UsageError(description: "unknown option '\(flag)' (try wscat --help)")
        }
    }

    private static let booleanFlags: Set<String> = [
        "-r", "--retry", "-P", "--parsecommands", "--slash", "-n", "--no-check", "--raw", "--timestamp",
        "--timestamps", "--no-color", "-h", "--help",
    ]

    private mutating func finish(positional: [String]) throws(UsageError) {
        var remaining = positional[...]
        if url.isEmpty, let first = remaining.first {
            url = first
            remaining.removeFirst()
        }
        if let extra = remaining.first {
            throw UsageError(description: "unexpected argument '\(extra)' (one URL, frames go with -x)")
        }
        if showHelp { return }
        guard !url.isEmpty else {
            throw UsageError(description: "a URL is required: wscat -c wss://host/path (try wscat --help)")
        }
        url = try Self.normalizedURL(url)
    }

    /// `Name:value` or `Name: value`.
    static func header(_ text: String) throws(UsageError) -> Header {
        guard let colon = text.firstIndex(of: ":") else {
            throw UsageError(description: "-H '\(text)': a header is Name:value")
        }
        let name = String(text[..<colon]).trimmingWhitespace
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) }) else {
            throw UsageError(description: "-H '\(text)': '\(name)' is not a header name")
        }
        return Header(name: name, value: String(text[text.index(after: colon)...]).trimmingWhitespace)
    }

    static func seconds(_ text: String, flag: String, allowZero: Bool) throws(UsageError) -> Double {
        guard let value = Double(text), value.isFinite, value > 0 || (allowZero && value == 0) else {
            throw UsageError(description: "option '\(flag)': expected a number of seconds, got '\(text)'")
        }
        return value
    }

    /// Adds `ws://` to a URL without a scheme (as wscat does) and checks the scheme and host.
    static func normalizedURL(_ text: String) throws(UsageError) -> String {
        var url = text
        if !url.contains("://") { url = "ws://" + url }
        let lower = url.lowercased()
        guard lower.hasPrefix("ws://") || lower.hasPrefix("wss://") else {
            throw UsageError(description: "'\(text)': the URL must start with ws:// or wss://")
        }
        guard let separator = url.firstRange(of: "://") else {
            throw UsageError(description: "'\(text)': the URL must start with ws:// or wss://")
        }
        let afterScheme = url[separator.upperBound...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" }
        if authority.isEmpty || authority.hasPrefix(":") {
            throw UsageError(
                description: "'\(text)': the URL has no host (is a variable such as $LP_ASYNCMESSAGINGENT empty?)")
        }
        return url
    }
}
