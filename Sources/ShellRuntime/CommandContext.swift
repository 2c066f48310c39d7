/// What a builtin sees while it runs: its arguments, its streams and the shell state.
///
/// When a builtin runs in the current shell, changes to `state` persist (as `export` and `cd` need);
/// in a pipeline stage or `$(…)` it gets a copy, as bash runs those in a subshell.
public struct CommandContext {
    /// The name the command was invoked as (`[` or `test`, `.` or `source`).
    public var name: String
    /// The arguments after the command name, after expansion.
    public var arguments: [String]
    /// The command's standard streams.
    public var io: IOStreams
    /// Variables, options, working directory and last status of the shell.
    public var state: ShellState
    /// Services of the running shell (nested execution, history, the builtin table).
    public let shell: any ShellServices

    /// Creates a context.
    public init(name: String, arguments: [String], io: IOStreams, state: ShellState, shell: any ShellServices) {
        self.name = name
        self.arguments = arguments
        self.io = io
        self.state = state
        self.shell = shell
    }

    /// The exported variables, as a child process would see them.
    public var environment: [String: String] { state.variables.exportedEnvironment }

    /// Writes `name: message` and a newline to standard error, secrets masked.
    public func error(_ message: String) {
        io.stderr.writeDiagnostic("\(name): \(message)\n")
    }

    /// Resolves a path against the shell's working directory.
    public func resolvePath(_ path: String) -> String {
        state.resolvePath(path)
    }

    /// True once the user pressed Ctrl-C; long-running builtins poll it and return `.interrupted`.
    public var isInterrupted: Bool { InterruptState.isInterrupted }
}

/// Services the running shell offers to builtins that need more than their own context.
public protocol ShellServices: AnyObject, Sendable {
    /// Parses and runs source text in the given state (used by `source`, `eval`, `step`).
    func run(source: String, name: String, state: inout ShellState, io: IOStreams) -> ExitStatus
    /// Every builtin type, sorted by name (used by `help` and completion).
    var builtins: [any Builtin.Type] { get }
    /// The interactive history, oldest first (empty when not interactive).
    var history: [String] { get }
    /// Clears the interactive history.
    func clearHistory()
    /// The next line of the script or `-c` text being run, consumed so the shell will not run it; nil when
    /// the shell is interactive or the script has no more lines. Batch-mode `wscat` sends these as frames.
    func readScriptLine() -> String?
    /// Gives back the line the last ``readScriptLine()`` returned, to where it came from (the script, or the lines
    /// queued by ``pushScriptLines(_:)``): the shell, or the next reader, gets it again. wscat gives back the shell
    /// command that ends the frames after it in a script.
    func unreadScriptLine(_ line: String)
    /// Queues lines that `readScriptLine` returns before the script's own (a tutorial step's WebSocket frames).
    func pushScriptLines(_ lines: [String])
    /// Drops queued lines nobody read.
    func discardPushedScriptLines()
    /// The terminal's line editor for builtins with their own prompt (wscat); nil when not at a terminal.
    var terminal: (any InteractiveTerminal)? { get }
    /// Runs a command from its expanded words as a simple command would: a function (unless `functions` is
    /// false, as for `command NAME`), a builtin, or a program from `PATH` (used by `exec` and `command`).
    func runCommand(_ words: [String], functions: Bool, state: inout ShellState, io: IOStreams) -> ExitStatus
}

extension ShellServices {
    /// No script lines by default (test doubles, interactive shells).
    public func readScriptLine() -> String? { nil }
    /// Ignored by default (there were no script lines).
    public func unreadScriptLine(_ line: String) {}
    /// Ignored by default.
    public func pushScriptLines(_ lines: [String]) {}
    /// Nothing to drop by default.
    public func discardPushedScriptLines() {}
    /// No terminal unless the shell provides one.
    public var terminal: (any InteractiveTerminal)? { nil }
    /// Runs nothing unless the shell provides it.
    public func runCommand(_ words: [String], functions: Bool, state: inout ShellState, io: IOStreams) -> ExitStatus {
        .notFound
    }
}
