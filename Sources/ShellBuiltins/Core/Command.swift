import ShellRuntime

/// `command [-v|-V] NAME [ARG ...]`: runs NAME as a builtin or program even when a function has that name; `-v`
/// prints how NAME would be found (the builtin or function name, or the program's path), `-V` says it in words.
struct Command: Builtin {
    static let name = "command"
    static let summary = "run a builtin or program, skipping functions; -v/-V tell what a name is"
    static let usage = """
        usage: command [-p] [-v|-V] NAME [ARG ...]
          -v   print the name (builtin, function) or the path (program) NAME runs; 1 when not found
          -V   say what NAME is, as type does
          -p   search the default PATH
        """
    static let handlesHelpFlag = false

    func run(_ context: inout CommandContext) -> ExitStatus {
        var words = context.arguments[...]
        var describe: Character?
        var defaultPath = false
        while let option = words.first, option.hasPrefix("-"), option.count > 1 {
            words.removeFirst()
            if option == "--" { break }
            for letter in option.dropFirst() {
                switch letter {
                case "v", "V": describe = letter
                case "p": defaultPath = true
                default:
                    context.error("-\(letter): invalid option (command [-p] [-v|-V] NAME [ARG ...])")
                    return .usage
                }
            }
        }
        guard !words.isEmpty else { return .success }
        if let describe {
            var status = ExitStatus.success
            for name in words where !self.describe(name, verbose: describe == "V", &context) { status = .failure }
            return status
        }
        if defaultPath {
            let saved = context.state.variables["PATH"]
            try? context.state.variables.set("PATH", to: ShellState.defaultPath)
            defer {
                if let saved {
                    try? context.state.variables.set("PATH", to: saved)
                } else {
                    try? context.state.variables.unset("PATH")
                }
            }
            return context.shell.runCommand(Array(words), functions: false, state: &context.state, io: context.io)
        }
        return context.shell.runCommand(Array(words), functions: false, state: &context.state, io: context.io)
    }

    private func describe(_ name: String, verbose: Bool, _ context: inout CommandContext) -> Bool {
        if context.state.functionNames.contains(name) {
            context.io.stdout.write(verbose ? "\(name) is a function\n" : "\(name)\n")
        } else if context.shell.builtins.contains(where: { $0.name == name || $0.aliases.contains(name) }) {
            context.io.stdout.write(verbose ? "\(name) is a shell builtin\n" : "\(name)\n")
        } else if let path = TypeCommand.find(name, in: context.state.variables["PATH"] ?? "") {
            context.io.stdout.write(verbose ? "\(name) is \(path)\n" : "\(path)\n")
        } else {
            if verbose { context.error("\(name): not found") }
            return false
        }
        return true
    }
}
