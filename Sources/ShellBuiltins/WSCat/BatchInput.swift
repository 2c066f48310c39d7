import ShellRuntime

/// The lines batch mode reads: the rest of the script the shell is running when the command's stdin is the shell's
/// own input, then (or otherwise) the command's stdin unless it is a terminal. Only script lines end the frames at a
/// shell command (``ScriptLineKind``) and can be given back to the shell; a heredoc or a pipe is all frames.
package struct BatchInput {
    /// One line and where it came from.
    struct Line {
        var text: String
        /// True for a line of the script (or of a step's frames) rather than of the command's stdin.
        var fromScript: Bool
    }

    private let shell: any ShellServices
    private let readInput: () -> String?
    private var scriptDone: Bool

    package init(_ context: CommandContext) {
        let stdin = context.io.stdin
        let interactive = context.state.isInteractive
        shell = context.shell
        scriptDone = !(stdin.fileDescriptor == 0 && !interactive)
        readInput = {
            if stdin.fileDescriptor == 0 && stdin.isTerminal && interactive { return nil }
            return stdin.readLine().map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The next line, nil at the end.
    mutating func next() -> Line? {
        if let line = nextScriptLine() { return Line(text: line, fromScript: true) }
        return readInput().map { Line(text: $0, fromScript: false) }
    }

    /// The next line of the script, never of the command's stdin: nil once the script is done (also the guided
    /// tutorial's answers in a script).
    package mutating func nextScriptLine() -> String? {
        guard !scriptDone else { return nil }
        if let line = shell.readScriptLine() { return line }
        scriptDone = true
        return nil
    }

    /// Gives the script line read last back to the shell, which runs it next.
    func giveBack(_ line: String) {
        shell.unreadScriptLine(line)
    }
}
