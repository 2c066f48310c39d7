import ShellRuntime

/// `exec [COMMAND [ARG ...]]`: with only redirections (`exec 3>file`, `exec >log 2>&1`), changes the shell's own
/// descriptors for the commands that follow (the interpreter keeps them); with a command, runs it and the shell
/// ends with its status, as if the shell had been replaced (an interactive shell stays when the command is not
/// found).
struct Exec: Builtin {
    static let name = "exec"
    static let summary = "with redirections only: keep them for the shell; with a command: run it, then exit"
    static let usage = """
        usage: exec [COMMAND [ARG ...]]
          exec 3>FILE        open FILE on descriptor 3 for the commands that follow
          exec >FILE 2>&1    send the shell's own output to FILE
          exec COMMAND ...   run COMMAND, then end the shell with its status
        """
    static let handlesHelpFlag = false

    func run(_ context: inout CommandContext) -> ExitStatus {
        var words = context.arguments[...]
        if words.first == "--" { words.removeFirst() }
        guard !words.isEmpty else { return .success }
        let status = context.shell.runCommand(Array(words), functions: false, state: &context.state, io: context.io)
        if status == .notFound && context.state.isInteractive { return status }
        context.state.exitRequest = status
        return status
    }
}
