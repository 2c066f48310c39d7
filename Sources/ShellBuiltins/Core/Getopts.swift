import ShellRuntime

/// `getopts OPTSTRING NAME [ARG ...]`: reads the next option from the positional parameters (or the ARGs).
struct Getopts: Builtin {
    static let name = "getopts"
    static let summary = "parse options in a loop: while getopts ab:c opt; do case $opt in …; esac; done"
    static let usage = """
        usage: getopts OPTSTRING NAME [ARG ...]

        Puts the next option letter in NAME and its argument (a letter followed by : in OPTSTRING) in OPTARG;
        OPTIND is the index of the next argument. Returns 1 after the last option (at a non-option or --).
        An unknown option or a missing argument sets NAME to ? and reports it; with OPTSTRING starting with :,
        nothing is reported and OPTARG is the letter (NAME is : for a missing argument).
        """
    static let handlesHelpFlag = false

    func run(_ context: inout CommandContext) -> ExitStatus {
        guard context.arguments.count >= 2 else {
            context.error("usage: getopts OPTSTRING NAME [ARG ...]")
            return .usage
        }
        let optstring = context.arguments[0]
        let name = context.arguments[1]
        let arguments =
            context.arguments.count > 2 ? Array(context.arguments.dropFirst(2)) : context.state.positionalParameters
        let silent = optstring.hasPrefix(":")
        let specs = Array(silent ? optstring.dropFirst() : optstring[...])

        var optind = Int(context.state.variables["OPTIND"] ?? "1") ?? 1
        var letter = context.state.getoptsPosition.optind == optind ? context.state.getoptsPosition.letter : 0
        if optind < 1 { optind = 1 }
        func finish(_ value: String, argument: String?, status: ExitStatus) -> ExitStatus {
            context.state.getoptsPosition = (optind, letter)
            do {
                try context.state.variables.set("OPTIND", to: String(optind))
                try context.state.variables.set(name, to: value)
                if let argument {
                    try context.state.variables.set("OPTARG", to: argument)
                } else {
                    try context.state.variables.unset("OPTARG")
                }
            } catch {
                context.error("\(error)")
                return .failure
            }
            return status
        }

        if letter == 0 {
            guard optind <= arguments.count else { return finish("?", argument: nil, status: .failure) }
            let word = arguments[optind - 1]
            if word == "--" {
                optind += 1
                return finish("?", argument: nil, status: .failure)
            }
            guard word.hasPrefix("-"), word != "-" else { return finish("?", argument: nil, status: .failure) }
            letter = 1
        }
        let word = Array(arguments[optind - 1])
        let option = word[letter]
        letter += 1
        let groupEnded = letter >= word.count
        if groupEnded {
            optind += 1
            letter = 0
        }
        guard option != ":", let index = specs.firstIndex(of: option) else {
            if silent { return finish("?", argument: String(option), status: .success) }
            context.error("illegal option -- \(option)")
            return finish("?", argument: nil, status: .success)
        }
        guard index + 1 < specs.count, specs[index + 1] == ":" else {
            return finish(String(option), argument: nil, status: .success)
        }
        if !groupEnded {
            let argument = String(word[letter...])
            optind += 1
            letter = 0
            return finish(String(option), argument: argument, status: .success)
        }
        guard optind <= arguments.count else {
            if silent { return finish(":", argument: String(option), status: .success) }
            context.error("option requires an argument -- \(option)")
            return finish("?", argument: nil, status: .success)
        }
        let argument = arguments[optind - 1]
        optind += 1
        return finish(String(option), argument: argument, status: .success)
    }
}
