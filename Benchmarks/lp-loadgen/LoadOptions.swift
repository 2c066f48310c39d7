/// The command line of `lp-loadgen`, one case per mode.
enum LoadCommand: Equatable {
    /// `sandbox` or `echo`: drive N sockets against a running server.
    case load(LoadOptions)
    /// `echo-server`: the raw SwiftNIO WebSocket echo server the sandbox is compared with.
    case echoServer(EchoServerOptions)
    /// `coldstart`: how long a command takes to print its first `export` line.
    case coldStart(ColdStartOptions)
    /// `-h`, `--help`.
    case help
}

/// What a load run talks to.
enum LoadTarget: String, Equatable {
    /// The LivePerson sandbox: signup, `cm.ConsumerRequestConversation`, then `ms.PublishEvent` acked by `resp`.
    case sandbox
    /// The raw echo server: the same frames, acked by their echo.
    case echo
}

/// Options of `lp-loadgen sandbox|echo`.
struct LoadOptions: Equatable {
    var target: LoadTarget
    var host = "127.0.0.1"
    var port = 0
    var caFile = ""
    var account = "sandbox"
    var sockets = 100
    var messages = 100
    /// Requests each socket keeps in flight (closed loop).
    var inFlight = 1
    /// Total messages a second over all sockets (open loop); `nil` sends as fast as acks come back.
    var rate: Double?
    var threads = 0
    var connectConcurrency = 64
    /// Process whose VmRSS is read while every socket is held.
    var serverPID: Int32?
}

/// Options of `lp-loadgen echo-server`.
struct EchoServerOptions: Equatable {
    var host = "127.0.0.1"
    var port = 0
    var certificateFile = ""
    var keyFile = ""
    var threads = 0
}

/// Options of `lp-loadgen coldstart`.
struct ColdStartOptions: Equatable {
    var runs = 20
    var command: [String] = []
}

/// A bad command line; `description` is the one line shown.
struct UsageError: Error, Equatable, CustomStringConvertible {
    let description: String
}

extension LoadCommand {
    static let usage = """
        usage: lp-loadgen sandbox --port P --ca FILE [--sockets N] [--messages M] [options]
               lp-loadgen echo    --port P --ca FILE [--sockets N] [--messages M] [options]
               lp-loadgen echo-server --cert FILE --key FILE [--host H] [--port P] [--threads T]
               lp-loadgen coldstart [--runs R] -- COMMAND [ARG ...]

        sandbox/echo: open N consumer WebSockets over TLS, then have each publish M messages and wait for every ack;
        print one JSON line of results (acks/s, p50/p99/p999 ack latency, sockets held, server RSS).
          --host H                  server address (default 127.0.0.1)
          --account A               sandbox account (default sandbox)
          --in-flight K             requests each socket keeps in flight (default 1)
          --rate R                  open loop: R messages a second over all sockets instead of closed loop
          --threads T               client event loops (default: number of cores)
          --connect-concurrency C   TLS handshakes at a time while opening (default 64)
          --server-pid PID          read the server's VmRSS while all sockets are held
        echo-server: a raw SwiftNIO WebSocket echo server over TLS; prints `port N` once listening.
        coldstart: runs COMMAND R times, measuring the time to its first `export` line on stdout, then SIGTERM.
        """

    /// Parses the arguments after the program name.
    static func parse(_ arguments: [String]) throws(UsageError) -> LoadCommand {
        guard let mode = arguments.first else { throw UsageError(description: "lp-loadgen: missing mode\n" + usage) }
        let rest = Array(arguments.dropFirst())
        switch mode {
        case "-h", "--help": return .help
        case "sandbox": return .load(try parseLoad(.sandbox, rest))
        case "echo": return .load(try parseLoad(.echo, rest))
        case "echo-server": return .echoServer(try parseEchoServer(rest))
        case "coldstart": return .coldStart(try parseColdStart(rest))
        default:
            throw UsageError(description: "lp-loadgen: unknown mode '\(mode)' (sandbox, echo, echo-server, coldstart)")
        }
    }

    private static func parseLoad(_ target: LoadTarget, _ arguments: [String]) throws(UsageError) -> LoadOptions {
        var options = LoadOptions(target: target)
        var reader = OptionReader(arguments)
        while let option = reader.nextOption() {
            switch option {
            case "--host": options.host = try reader.value(for: option)
            case "--port": options.port = try reader.integer(for: option, in: 1...65535)
            case "--ca": options.caFile = try reader.value(for: option)
            case "--account": options.account = try reader.value(for: option)
            case "--sockets": options.sockets = try reader.integer(for: option, in: 1...100_000)
            case "--messages": options.messages = try reader.integer(for: option, in: 1...100_000_000)
            case "--in-flight": options.inFlight = try reader.integer(for: option, in: 1...10_000)
            case "--rate": options.rate = Double(try reader.integer(for: option, in: 1...10_000_000))
            case "--threads": options.threads = try reader.integer(for: option, in: 1...64)
            case "--connect-concurrency": options.connectConcurrency = try reader.integer(for: option, in: 1...10_000)
            case "--server-pid": options.serverPID = Int32(try reader.integer(for: option, in: 1...Int(Int32.max)))
            default: throw UsageError(description: "lp-loadgen: unknown option '\(option)'")
            }
        }
        guard options.port != 0 else { throw UsageError(description: "lp-loadgen: --port is required") }
        guard !options.caFile.isEmpty else { throw UsageError(description: "lp-loadgen: --ca is required") }
        return options
    }

    private static func parseEchoServer(_ arguments: [String]) throws(UsageError) -> EchoServerOptions {
        var options = EchoServerOptions()
        var reader = OptionReader(arguments)
        while let option = reader.nextOption() {
            switch option {
            case "--host": options.host = try reader.value(for: option)
            case "--port": options.port = try reader.integer(for: option, in: 0...65535)
            case "--cert": options.certificateFile = try reader.value(for: option)
            case "--key": options.keyFile = try reader.value(for: option)
            case "--threads": options.threads = try reader.integer(for: option, in: 1...64)
            default: throw UsageError(description: "lp-loadgen: unknown option '\(option)'")
            }
        }
        guard !options.certificateFile.isEmpty, !options.keyFile.isEmpty else {
            throw UsageError(description: "lp-loadgen: echo-server needs --cert and --key")
        }
        return options
    }

    private static func parseColdStart(_ arguments: [String]) throws(UsageError) -> ColdStartOptions {
        var options = ColdStartOptions()
        var reader = OptionReader(arguments)
        while let option = reader.nextOption() {
            switch option {
            case "--runs": options.runs = try reader.integer(for: option, in: 1...10_000)
            default: throw UsageError(description: "lp-loadgen: unknown option '\(option)'")
            }
        }
        options.command = reader.remaining
        guard !options.command.isEmpty else {
            throw UsageError(description: "lp-loadgen: coldstart needs a command after --")
        }
        return options
    }
}

/// Walks `--option value` pairs up to an optional `--`.
struct OptionReader {
    private let arguments: [String]
    private var index = 0

    init(_ arguments: [String]) {
        self.arguments = arguments
    }

    /// The next option, or `nil` at the end or after `--`.
    mutating func nextOption() -> String? {
        guard index < arguments.count else { return nil }
        let argument = arguments[index]
        index += 1
        return argument == "--" ? nil : argument
    }

    /// What follows `--`.
    var remaining: [String] { Array(arguments[min(index, arguments.count)...]) }

    mutating func value(for option: String) throws(UsageError) -> String {
        guard index < arguments.count else { throw UsageError(description: "lp-loadgen: \(option): missing value") }
        index += 1
        return arguments[index - 1]
    }

    mutating func integer(for option: String, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        let text = try value(for: option)
        guard let number = Int(text), range.contains(number) else {
            throw UsageError(
                description:
                    "lp-loadgen: \(option): '\(text)' is not a number in \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }
}
