import ShellSyntax
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Evaluates parsed scripts: the command evaluator (Oils' `cmd_eval`) with its executor for builtins and
/// external programs.
///
/// ```swift
/// let shell = Interpreter(builtins: BuiltinRegistry.all)
/// var state = ShellState(environment: environment)
/// let status = shell.run(source: "echo hi | tr a-z A-Z", name: "-c", state: &state, io: .standard())
/// ```
public final class Interpreter: ShellServices, @unchecked Sendable {
    // @unchecked: every stored property is immutable after `init`, except the observer and the services the app
    // lends (history, script lines, terminal), which it sets before running the commands that use them.

    /// Every builtin, sorted by name.
    public let builtins: [any Builtin.Type]
    let builtinTable: [String: any Builtin.Type]
    /// How messages are rendered.
    public var renderer: DiagnosticRenderer
    /// What the layer above the shell learns and adds while commands run (the LivePerson layer's advice).
    public var observer: any ShellObserver = NoObserver()
    /// The interactive history (set by the REPL at a terminal).
    public var historyStore: (any ShellHistory)?
    /// The script being run, whose unread lines builtins may take (set by the app's batch runner).
    public var scriptLines: (any ScriptLineSource)?
    /// The line editor lent to builtins with their own prompt (set by the REPL at a terminal).
    public var terminal: (any InteractiveTerminal)?

    /// Creates an interpreter with the given builtins.
    public init(builtins: [any Builtin.Type], renderer: DiagnosticRenderer = DiagnosticRenderer()) {
        self.builtins = builtins.sorted { $0.name < $1.name }
        var table: [String: any Builtin.Type] = [:]
        for builtin in builtins {
            table[builtin.name] = builtin
            for alias in builtin.aliases { table[alias] = builtin }
        }
        self.builtinTable = table
        self.renderer = renderer
    }

    /// The builtin with a name or alias.
    public func builtin(named name: String) -> (any Builtin.Type)? { builtinTable[name] }

    public var history: [String] { historyStore?.entries ?? [] }

    public func clearHistory() { historyStore?.clear() }

    public func readScriptLine() -> String? {
        let pushed = pushedLines.withLock { queue -> String? in
            queue.lastWasPushed = !queue.lines.isEmpty
            return queue.lines.isEmpty ? nil : queue.lines.removeFirst()
        }
        return pushed ?? scriptLines?.nextScriptLine()
    }

    public func unreadScriptLine(_ line: String) {
        let wasPushed = pushedLines.withLock { queue in
            guard queue.lastWasPushed else { return false }
            queue.lines.insert(line, at: 0)
            return true
        }
        if !wasPushed { scriptLines?.unread(line) }
    }

    public func pushScriptLines(_ lines: [String]) {
        pushedLines.withLock { $0.lines.append(contentsOf: lines) }
    }

    public func discardPushedScriptLines() {
        pushedLines.withLock { $0.lines.removeAll() }
    }

    /// Lines queued by `pushScriptLines`, and whether the last line `readScriptLine` returned was one of them (a
    /// line given back goes back where it came from).
    private let pushedLines = Mutex<(lines: [String], lastWasPushed: Bool)>(([], false))

    /// Parses `source` and runs it; a syntax error is reported on `io.stderr` and gives status 2.
    public func run(source: String, name: String, state: inout ShellState, io: IOStreams) -> ExitStatus {
        let script: Script
        do {
            script = try Parser.parse(source)
        } catch {
            io.stderr.write(renderer.render(error, in: source, fileName: name == "-c" ? nil : name))
            state.lastStatus = .usage
            return .usage
        }
        let outer = state.source
        state.source = SourceText(source, fileName: name == "-c" ? nil : name)
        defer { state.source = outer }
        return execute(script, state: &state, io: io)
    }

    /// Runs a parsed script.
    public func execute(_ script: Script, state: inout ShellState, io: IOStreams) -> ExitStatus {
        var status = state.lastStatus
        for item in script.items {
            if state.isUnwinding { break }
            if InterruptState.isInterrupted {
                status = .interrupted
                state.lastStatus = status
                break
            }
            if item.isBackground {
                runInBackground(item.andOr, state: &state, io: io)
                status = .success
            } else {
                status = executeAndOr(item.andOr, state: &state, io: io)
            }
            state.lastStatus = status
        }
        io.flush()
        return status
    }

    /// Runs the `EXIT` trap, once, when the shell or a subshell ends with `status`: `$?` is `status` inside it, and
    /// the shell still ends with `status` unless the trap runs `exit N`.
    public func runExitTrap(status: ExitStatus, state: inout ShellState, io: IOStreams) -> ExitStatus {
        guard let action = state.traps.removeValue(forKey: "EXIT"), !action.isEmpty else { return status }
        state.exitRequest = nil
        state.jump = nil
        state.lastStatus = status
        _ = run(source: action, name: "trap", state: &state, io: io)
        io.flush()
        return state.exitRequest ?? status
    }

    /// `cmd &`: runs on its own thread with a copy of the state; the shell goes on, `$!` names the job for `wait`
    /// and `%N` for `jobs`, `fg` and `kill`.
    private func runInBackground(_ andOr: AndOrList, state: inout ShellState, io: IOStreams) {
        let snapshot = state
        state.lastBackgroundJob = state.backgroundJobs.start(command: andOr.description) { [self] id, number in
            var copy = snapshot
            copy.backgroundJobID = id
            copy.backgroundJobNumber = number
            copy.traps = snapshot.traps.filter { $0.value.isEmpty }
            let status = self.executeAndOr(andOr, state: &copy, io: io)
            let final = self.runExitTrap(status: copy.exitRequest ?? status, state: &copy, io: io)
            io.flush()
            return final
        }
    }

    func executeAndOr(_ list: AndOrList, state: inout ShellState, io: IOStreams) -> ExitStatus {
        let hasFollowers = !list.rest.isEmpty
        if hasFollowers { state.errexitSuppression += 1 }
        var status = executePipeline(list.first, state: &state, io: io)
        if hasFollowers { state.errexitSuppression -= 1 }
        for (index, (op, pipeline)) in list.rest.enumerated() {
            if state.isUnwinding || InterruptState.isInterrupted { break }
            state.lastStatus = status
            let shouldRun = op == .and ? status.isSuccess : !status.isSuccess
            guard shouldRun else { continue }
            let isLast = index == list.rest.count - 1
            if !isLast { state.errexitSuppression += 1 }
            status = executePipeline(pipeline, state: &state, io: io)
            if !isLast { state.errexitSuppression -= 1 }
        }
        return status
    }

    /// Applies `set -e` after a command finished.
    func checkErrexit(_ status: ExitStatus, state: inout ShellState) {
        if state.options.errexit && !status.isSuccess && state.errexitSuppression == 0 && state.exitRequest == nil {
            state.exitRequest = status
        }
    }

    /// Writes a one-line error.
    func report(_ message: String, io: IOStreams) {
        io.stderr.write(renderer.render(message: message))
    }

    /// Writes an expansion error, with the failing word's line and a caret when its source is known.
    func report(_ error: ExpansionError, state: ShellState, io: IOStreams) {
        var diagnostic = Diagnostic(.error, error.message)
        if let range = error.range, let source = state.source, range.end <= source.text.utf8.count {
            diagnostic.location = SourceLocation(range, in: source)
        }
        io.stderr.write(renderer.render(diagnostic))
    }
}
