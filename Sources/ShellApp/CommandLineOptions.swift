/// What the `lp-shell` command line asked for.
struct CommandLineOptions: Equatable {
    enum Mode: Equatable {
        /// Interactive when stdin is a terminal, else read commands from stdin.
        case standardInput
        /// `-c CMD [NAME [ARG ...]]`.
        case command(String)
        /// `SCRIPT [ARG ...]`.
        case script(String)
        /// `--help`.
        case help
        /// `--version`.
        case version
        /// `lp-shell sandbox …`: the arguments after `sandbox`.
        case sandbox([String])
    }

    var mode: Mode = .standardInput
    /// `--env K=V` in order (a bare `K` copies from the environment, as docker does).
    var environmentAssignments: [String] = []
    /// `--env-file FILE` in order.
    var environmentFiles: [String] = []
    /// `--sandbox`: use the embedded sandbox even when `LP_ACCOUNT` is set.
    var forceSandbox = false
    /// `--offline`: do not resolve services through CSDS.
    var offline = false
    /// `--plain`: no LivePerson start-up at all (no sandbox, no CSDS lookup): just the shell.
    var plain = false
    /// `-n`: read and parse commands without running them (like `bash -n`).
    var parseOnly = false
    /// Options for the embedded sandbox (`--ext-token-ttl 30s`, `--bot-delay 50ms`, `--no-bot`, …).
    var sandboxArguments: [String] = []

    /// Flags passed through to the embedded sandbox, with whether each takes a value.
    static let sandboxFlags: [String: Bool] = [
        "--ext-token-ttl": true, "--refresh-window": true, "--bot-delay": true, "--signup-token-ttl": true,
        "--no-bot": false, "--data": true,
    ]
    /// `$0` and positional parameters.
    var scriptName = "lp-shell"
    var arguments: [String] = []

    /// A command-line mistake, rendered as one line plus a hint.
    struct UsageError: Error, Equatable {
        var message: String
    }

    static let usage = """
        usage: lp-shell [--env K=V]... [--env-file FILE]... [--sandbox|--plain] [--offline] [-c COMMAND [NAME [ARG ...]]]
                        [SCRIPT [ARG ...]]
               lp-shell sandbox [--host 127.0.0.1] [--port 8443] [--ca-dir DIR] [...]

        A shell for LivePerson's messaging tutorials: paste the docs' commands as they are. Built-in curl, jq,
        wscat and base64; with no LP_ACCOUNT it starts an embedded LivePerson sandbox.

          -c COMMAND        run COMMAND and exit
          -n                check syntax only: parse the commands without running them
          --env K=V         set a variable (repeatable; `--env K` copies K from the environment)
          --env-file FILE   read K=V lines from FILE (docker's format, e.g. the tutorials' lp.env)
          --sandbox         use the embedded sandbox even if LP_ACCOUNT is set
          --plain           just the shell: no sandbox and no service lookup
          --offline         do not look up the account's services (CSDS); use the cached answer if any
          --ext-token-ttl D, --refresh-window D, --bot-delay D, --no-bot, --data DIR
                            settings of the embedded sandbox (e.g. --ext-token-ttl 30s to teach expiry;
                            --data DIR keeps its conversations and messages across restarts)
          --version         print the version
          --help            print this help
        Inside the shell, `help` lists the builtins.
        """

    /// Parses `arguments` (without the program name).
    static func parse(_ arguments: [String]) throws(UsageError) -> CommandLineOptions {
        var options = CommandLineOptions()
        var remaining = arguments[...]
        if remaining.first == "sandbox" {
            options.mode = .sandbox(Array(remaining.dropFirst()))
            return options
        }
        func value(for flag: String) throws(UsageError) -> String {
            guard let value = remaining.first else { throw UsageError(message: "\(flag): missing value") }
            remaining.removeFirst()
            return value
        }
        while let argument = remaining.first {
            remaining.removeFirst()
            switch argument {
            case "-c":
                let command = try value(for: "-c")
                options.mode = .command(command)
                if let name = remaining.first {
                    options.scriptName = name
                    options.arguments = Array(remaining.dropFirst())
                }
                return options
            case "--env", "-e":
                options.environmentAssignments.append(try value(for: argument))
            case "--env-file":
                options.environmentFiles.append(try value(for: argument))
            case "-n": options.parseOnly = true
            case "--sandbox": options.forceSandbox = true
            case "--offline": options.offline = true
            case "--plain": options.plain = true
            case "--help", "-h":
                options.mode = .help
                return options
            case "--version", "-V":
                options.mode = .version
                return options
            case "--":
                if let script = remaining.first {
                    options.mode = .script(script)
                    options.scriptName = script
                    options.arguments = Array(remaining.dropFirst())
                }
                return options
            default:
                if let takesValue = CommandLineOptions.sandboxFlags[argument] {
                    options.sandboxArguments.append(argument)
                    if takesValue { options.sandboxArguments.append(try value(for: argument)) }
                } else if argument.hasPrefix("--env=") {
                    options.environmentAssignments.append(String(argument.dropFirst(6)))
                } else if argument.hasPrefix("--env-file=") {
                    options.environmentFiles.append(String(argument.dropFirst(11)))
                } else if argument.hasPrefix("-") && argument != "-" {
                    throw UsageError(message: "\(argument): unknown option")
                } else {
                    options.mode = .script(argument)
                    options.scriptName = argument
                    options.arguments = Array(remaining)
                    return options
                }
            }
        }
        return options
    }
}
