import LineEditing
import LivePersonSession
import ShellBuiltins
import ShellRuntime
import ShellSyntax

#if canImport(Glibc)
    import Glibc
#endif

/// Runs commands read line by line (a script, `-c`, piped stdin, or the REPL): each command runs as soon as it
/// is complete, as bash does, so `exit` and errors behave the same way.
struct SourceRunner {
    let interpreter: Interpreter
    let io: IOStreams
    var renderer: DiagnosticRenderer
    /// The file name in syntax errors (nil for `-c` and stdin).
    var sourceName: String?
    /// `-n`: parse only.
    var parseOnly = false
    /// Whether a leading `> `/`$ ` is a pasted prompt (REPL, stdin, `-c`), not a redirection (a script file).
    var stripsPastedPrompts = true
    /// Called after each command line ran or failed to parse (a class's progress report); not with `-n`.
    var afterEachCommand: ((ShellState) -> Void)?

    /// Reads and runs until end of input or `exit`; returns the shell's final status.
    func run(reader: some LineReader & Sendable, state: inout ShellState) -> ExitStatus {
        // The builtins that take the following lines (wscat) read from the same source, and may give one back.
        let lines = ReaderLines(reader: reader)
        interpreter.scriptLines = lines
        defer { interpreter.scriptLines = nil }
        var continuation = ContinuationState(stripsPastedPrompts: stripsPastedPrompts)
        var commandStart = 1  // the line where the command being collected started, for error locations
        while state.exitRequest == nil {
            guard let line = lines.nextScriptLine() else { break }
            if !continuation.isContinuing { commandStart = lines.lineNumber }
            let event = continuation.feed(line)
            handle(event, state: &state, firstLineNumber: commandStart)
        }
        if state.exitRequest == nil, let event = continuation.finish() {
            handle(event, state: &state, firstLineNumber: commandStart)
        }
        io.flush()
        return state.exitRequest ?? state.lastStatus
    }

    /// Runs a complete command or reports its error; shared by the batch loop and the REPL.
    func handle(_ event: ContinuationState.Event, state: inout ShellState, firstLineNumber: Int = 1) {
        switch event {
        case .needsMoreInput, .empty:
            return
        case .complete(var script, let source, let notes):
            for note in notes { io.stderr.write(renderer.render(note: note)) }
            if parseOnly { return }
            if let filled = ShellLinePlaceholders.fill(source, variables: state.variables) {
                guard filled.missing.isEmpty else {
                    for line in filled.missing { io.stderr.write(renderer.render(message: line + " (not run)")) }
                    state.lastStatus = .failure
                    io.flush()
                    return
                }
                guard let reparsed = try? Parser.parse(filled.text) else {
                    io.stderr.write(
                        renderer.render(message: "the command with its placeholders filled does not parse (not run)"))
                    state.lastStatus = .failure
                    return
                }
                for note in filled.notes { io.stderr.write(renderer.render(note: note)) }
                script = reparsed
            }
            if let transcript = state.transcriptPath { Record.append(source, to: transcript) }
            InterruptState.reset()
            SessionAdvisor.autorefreshIfNeeded(state: &state, shell: interpreter, io: io)
            state.source = SourceText(source, fileName: sourceName, firstLineNumber: firstLineNumber)
            _ = interpreter.execute(script, state: &state, io: io)
            syncWorkingDirectory(state)
            io.flush()
            afterEachCommand?(state)
        case .syntaxError(let error, let source, let notes):
            for note in notes { io.stderr.write(renderer.render(note: note)) }
            io.stderr.write(
                renderer.render(error, in: source, fileName: sourceName, firstLineNumber: firstLineNumber))
            state.lastStatus = .usage
            // A script stops at a syntax error, as in every shell; a pasted page (stdin, `-c`) goes on after one of
            // its known defects, which the message explained with the corrected command, as it does at the prompt.
            if !state.isInteractive && !(error.isDocDefect && stripsPastedPrompts) { state.exitRequest = .usage }
            if !parseOnly { afterEachCommand?(state) }
        }
        io.flush()
    }

    /// Keeps the process's directory in step with `cd` so that libraries resolving relative paths agree.
    private func syncWorkingDirectory(_ state: ShellState) {
        _ = chdir(state.workingDirectory)
    }
}
