import OptionParsing
import ShellRuntime

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
        /// `--man-page`: the manual page's roff source.
        case manPage
        /// `--completion SHELL`: the completion script for bash or zsh.
        case completion(String)
        /// `lp-shell sandbox …`: the arguments after `sandbox`.
        case sandbox([String])
        /// `lp-shell class …`: the arguments after `class`.
        case classroom([String])
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
    /// `--join URL`: join a class sandbox instead of starting one (the join line `lp-shell class` printed).
    var join: JoinLine?
    /// `--name NAME`: the learner's name in the class (default: the login name).
    var learnerName: String?
    /// Options for the embedded sandbox (`--ext-token-ttl 30s`, `--bot-delay 50ms`, `--no-bot`, …).
    var sandboxArguments: [String] = []

    /// `$0` and positional parameters.
    var scriptName = "lp-shell"
    var arguments: [String] = []

    /// The options before the script or `-c`, in the order `--help` lists them.
    static let table = OptionTable(
        "lp-shell",
        options: [
            OptionDefinition(["-c"], .required, placeholder: "COMMAND", help: "run COMMAND and exit"),
            OptionDefinition(["-n"], help: "check syntax only: parse the commands without running them"),
            OptionDefinition(
                ["-e", "--env"], .required, placeholder: "K=V",
                help: "set a variable (repeatable; `--env K` copies K from the environment)"),
            OptionDefinition(
                ["--env-file"], .required, placeholder: "FILE",
                help: "read K=V lines from FILE (docker's format, e.g. the tutorials' lp.env)"),
            OptionDefinition(["--sandbox"], help: "use the embedded sandbox even if LP_ACCOUNT is set"),
            OptionDefinition(["--plain"], help: "just the shell: no sandbox and no service lookup"),
            OptionDefinition(
                ["--offline"], help: "do not look up the account's services (CSDS); use the cached answer if any"),
            OptionDefinition(
                ["--join"], .required, placeholder: "URL",
                help: "join a class: the line `lp-shell class` printed (https://HOST:PORT/#CODE.FINGERPRINT)"),
            OptionDefinition(
                ["--name"], .required, placeholder: "NAME", help: "your name in the class (default: your login name)"),
        ] + sandboxOptions + [
            OptionDefinition(["-V", "--version"], help: "print the version and the commit it was built from"),
            OptionDefinition(
                ["--completion"], .required, placeholder: "SHELL",
                help: "print the completion script for SHELL (bash or zsh); scripts/install installs both"),
            OptionDefinition(["--man-page"], help: "print the manual page (roff); scripts/install installs it"),
            OptionDefinition(["-h", "--help"], help: "print this help"),
        ],
        syntax: .posix)

    /// Settings passed through to the embedded sandbox.
    static let sandboxOptions = [
        OptionDefinition(
            ["--ext-token-ttl"], .required, placeholder: "D",
            help: "sandbox: lifetime of the external JWT (e.g. 30s to teach expiry)"),
        OptionDefinition(["--refresh-window"], .required, placeholder: "D", help: "sandbox: token refresh window"),
        OptionDefinition(["--bot-delay"], .required, placeholder: "D", help: "sandbox: the bot's reply delay"),
        OptionDefinition(
            ["--signup-token-ttl"], .required, placeholder: "D", help: "sandbox: lifetime of a signup token"),
        OptionDefinition(["--no-bot"], help: "sandbox: no bot answers the consumer"),
        OptionDefinition(
            ["--no-survey"], help: "sandbox: closing a conversation opens no post-conversation survey"),
        OptionDefinition(
            ["--data"], .required, placeholder: "DIR",
            help: "sandbox: keep its conversations and messages in DIR across restarts"),
    ]

    static let usage = """
        usage: lp-shell [--env K=V]... [--env-file FILE]... [--sandbox|--plain] [--offline] [-n]
                        [--join https://HOST:PORT/#CODE.FINGERPRINT [--name NAME]]
                        [-c COMMAND [NAME [ARG ...]] | SCRIPT [ARG ...]]
               lp-shell sandbox [--host 127.0.0.1] [--port 8443] [--ca-dir DIR] [...]
               lp-shell class [--name NAME] [--host 127.0.0.1] [--port 8443] [--data DIR] [...]

        A shell for LivePerson's messaging tutorials: paste the docs' commands as they are. Built-in curl, jq,
        wscat and base64; with no LP_ACCOUNT it starts an embedded LivePerson sandbox.


        """ + table.helpLines() + "Inside the shell, `help` lists the builtins."

    /// Parses `arguments` (without the program name).
    static func parse(_ arguments: [String]) throws(UsageError) -> CommandLineOptions {
        var options = CommandLineOptions()
        if arguments.first == "sandbox" {
            options.mode = .sandbox(Array(arguments.dropFirst()))
            return options
        }
        if arguments.first == "class" {
            options.mode = .classroom(Array(arguments.dropFirst()))
            return options
        }
        // `-c COMMAND [NAME [ARG ...]]` first: what the table would find, without building it (the table is a tenth
        // of `lp-shell -c true`'s instructions and page faults). `commandFirstIsTheTablesAnswer` holds them equal.
        if arguments.count >= 2, arguments[0] == "-c" {
            options.mode = .command(arguments[1])
            if arguments.count >= 3 {
                options.scriptName = arguments[2]
                options.arguments = Array(arguments.dropFirst(3))
            }
            return options
        }
        options = try parseWithTable(arguments, into: options)
        if let name = options.learnerName, options.join == nil {
            throw .invalid("--name \(name): only with --join (it is the name the class shows)")
        }
        if options.join != nil, options.plain || options.forceSandbox {
            throw .invalid("--join: not with \(options.plain ? "--plain" : "--sandbox") (the class is the sandbox)")
        }
        return options
    }

    /// Parses `arguments` with the option table (every form `--help` documents).
    static func parseWithTable(_ arguments: [String], into initial: CommandLineOptions = CommandLineOptions())
        throws(UsageError) -> CommandLineOptions
    {
        var options = initial
        var parser = table.parser(for: arguments)
        while let argument = try parser.next() {
            guard case .option(let option) = argument else {
                guard case .operand(let script) = argument else { continue }
                options.mode = .script(script)
                options.scriptName = script
                options.arguments = Array(parser.remaining)
                return options
            }
            switch option.name {
            case "-c":
                options.mode = .command(option.value ?? "")
                if let name = parser.remaining.first {
                    options.scriptName = name
                    options.arguments = Array(parser.remaining.dropFirst())
                }
                return options
            case "--env": options.environmentAssignments += option.values
            case "--env-file": options.environmentFiles += option.values
            case "-n": options.parseOnly = true
            case "--sandbox": options.forceSandbox = true
            case "--offline": options.offline = true
            case "--plain": options.plain = true
            case "--join":
                let value = option.value ?? ""
                do {
                    options.join = try JoinLine.parse(value)
                } catch {
                    throw .invalid(error.message)
                }
            case "--name":
                let name = option.value ?? ""
                guard (1...60).contains(name.count),
                    name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F })
                else { throw .invalid("--name \(name): a name is 1 to 60 printable characters") }
                options.learnerName = name
            case "--help":
                options.mode = .help
                return options
            case "--version":
                options.mode = .version
                return options
            case "--man-page":
                options.mode = .manPage
                return options
            case "--completion":
                let shell = option.value ?? ""
                guard ManualPage.shells.contains(shell) else {
                    throw .invalid("--completion: unknown shell '\(shell)' (bash or zsh)")
                }
                options.mode = .completion(shell)
                return options
            default: options.sandboxArguments += [option.name] + option.values
            }
        }
        return options
    }
}
