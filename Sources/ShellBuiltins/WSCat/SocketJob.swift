import Dispatch
import ShellRuntime
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A wscat socket kept open as a background job (`wscat … &`, or `/bg` in socket mode): its thread shows what
/// arrives, tagged with the job (`[1] < {…}`), above the prompt the learner is typing at; `fg %1` (or `/as`
/// from another socket) brings it forward to send frames; `kill %1` or `/close` closes it.
///
/// One thread at a time drives the runner: the job's own while it is in the background, the shell's while it is
/// in the foreground (``mode``, switched under the lock).
final class SocketJob<Dialect: WSCatDialect>: JobControl, @unchecked Sendable {
    // @unchecked: `runner` is used only under `mode`'s lock by the job's thread (background) or by the shell's
    // thread once it set the mode to `.foreground` (see the type's comment).
    private enum Mode {
        /// The job's thread is connecting: `fg` waits for it.
        case connecting
        case background
        case foreground
        case terminating
        case finished
    }

    let runner: WSCatRunner<Dialect>
    /// `consumer`, `agent` or `socket` (what `%consumer`, `/as agent` select).
    let role: String
    /// The URL as shown (secrets masked).
    let url: String
    private let mode = Mutex(Mode.connecting)
    private let wake = DispatchSemaphore(value: 0)
    private let number = Mutex(0)
    /// Where the background output goes: above the prompt at a terminal, else the command's streams.
    private let terminal: (any InteractiveTerminal)?
    private let io: IOStreams
    private let historyFile: String?

    init(
        runner: WSCatRunner<Dialect>, terminal: (any InteractiveTerminal)?, io: IOStreams, historyFile: String?
    ) {
        self.runner = runner
        self.terminal = terminal
        self.io = io
        self.historyFile = historyFile
        self.role = Dialect.role(ofSocketAt: runner.request.url.target) ?? "socket"
        self.url = Self.shortened(SecretMasking.mask(runner.options.url))
    }

    /// The URL with long path segments (the agent's bearer) cut to their ends: `…/brand/842c…1cef?v=2`.
    static func shortened(_ url: String) -> String {
        let query = url.firstIndex(of: "?").map { String(url[$0...]) } ?? ""
        let path = url.dropLast(query.count).split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.count > 40 ? String(part.prefix(4)) + "…" + String(part.suffix(4)) : String(part)
        }
        return path.joined(separator: "/") + query
    }

    var jobNumber: Int { number.withLock { $0 } }

    var summary: String {
        let state = mode.withLock { $0 }
        return "\(role) socket \(url)" + (state == .finished ? " (closed)" : "")
    }

    var names: [String] { [role] }

    func terminate() {
        mode.withLock { if $0 == .background || $0 == .connecting { $0 = .terminating } }
        wake.signal()
    }

    /// The job's thread: connects unless already open, then shows what arrives until the socket closes.
    func runInBackground(number: Int, connect: Bool) -> ExitStatus {
        self.number.withLock { $0 = number }
        toBackgroundOutput()
        if connect {
            guard runner.connect() else {
                mode.withLock { $0 = .finished }
                return .failure
            }
        }
        mode.withLock { if $0 == .connecting { $0 = .background } }
        announce(
            "\(role) socket open in the background: `fg %\(number)` sends frames, `jobs` lists the sockets, "
                + "`kill %\(number)` closes it")
        while true {
            let done = mode.withLock { mode -> Bool in
                switch mode {
                case .foreground, .connecting: return false
                case .finished: return true
                case .terminating:
                    runner.closeAndWait()
                    mode = .finished
                    return true
                case .background:
                    runner.pump()
                    if !runner.isOpen {
                        mode = .finished
                        return true
                    }
                    return false
                }
            }
            if done { break }
            _ = wake.wait(timeout: .now() + .milliseconds(200))
        }
        runner.session?.events.setWakeHandler(nil)
        return runner.status
    }

    /// `fg %N`: the socket mode on this socket (at a terminal) or the script's next lines as its frames, until
    /// `/bg`, `/as`, `/close` or the end.
    func foreground(_ context: inout CommandContext) -> JobForegroundResult {
        // A socket started a moment ago (`wscat … &` then `fg`) is still connecting: its thread finishes first.
        var available = false
        var waited = 0.0
        while true {
            let state = mode.withLock { mode -> Mode in
                if mode == .background { mode = .foreground }
                return mode
            }
            if state == .foreground {
                available = true
                break
            }
            guard state == .connecting, waited < (runner.options.connectTimeout ?? 30) + 1 else { break }
            usleep(10_000)
            waited += 0.01
        }
        guard available else {
            context.error("%\(jobNumber): the \(role) socket is closed")
            return .finished(.failure)
        }
        runner.handoff = nil
        runner.session?.events.setWakeHandler(nil)
        let failuresBefore = runner.failedResponses.count
        defer {
            // What the frames brought ($LP_USER_ID, …) is the shell's at once; failed requests fail a `step`.
            context.state.applyPublishedVariables()
            context.state.wscatFailedResponses += runner.failedResponses.dropFirst(failuresBefore)
        }
        let status: ExitStatus
        let interactive =
            context.state.isInteractive && context.io.stdin.fileDescriptor == 0 && context.io.stdin.isTerminal
            && context.shell.terminal != nil
        if interactive, let terminal = context.shell.terminal {
            runner.formatter.interactive = true
            runner.write = { text, isFrame in
                terminal.printAbovePrompt(isFrame ? text : DiagnosticRenderer.masked(text))
            }
            context.io.flush()
            let shell = context.shell
            let resumed = runner.formatter.note(
                "%\(jobNumber): \(role) socket \(url) (/bg keeps it open and returns to the shell, /close closes it)")
            status = InteractiveSession.run(
                runner, terminal: terminal, historyFile: historyFile, initialLines: { shell.readScriptLine() },
                resumed: resumed)
        } else {
            let io = context.io
            runner.formatter.interactive = false
            runner.write = { text, isFrame in
                if isFrame {
                    io.stdout.write(text)
                } else {
                    io.stderr.writeDiagnostic(text)
                    io.stderr.flush()
                }
            }
            var input = BatchInput(context)
            status = BatchSession.run(runner, resumed: true, input: &input)
            io.flush()
        }
        if let handoff = runner.handoff, runner.isOpen {
            toBackgroundOutput()
            mode.withLock { $0 = .background }
            wake.signal()
            return handoff
        }
        mode.withLock { $0 = .finished }
        wake.signal()
        return .finished(status)
    }

    /// Output tagged `[N] ` and, at a terminal, printed above the prompt from the job's thread.
    private func toBackgroundOutput() {
        let tag = "[\(jobNumber)] "
        runner.formatter.interactive = false
        if let terminal {
            runner.write = { text, isFrame in
                terminal.post(Self.tagged(isFrame ? text : DiagnosticRenderer.masked(text), tag: tag, frame: isFrame))
            }
        } else {
            let io = io
            runner.write = { text, isFrame in
                if isFrame {
                    io.stdout.write(Self.tagged(text, tag: tag, frame: true))
                    io.stdout.flush()
                } else {
                    io.stderr.writeDiagnostic(Self.tagged(text, tag: tag, frame: false))
                    io.stderr.flush()
                }
            }
        }
        let wake = self.wake
        runner.session?.events.setWakeHandler { wake.signal() }
    }

    private func announce(_ text: String) {
        runner.write("wscat: note: " + text + "\n", false)
    }

    /// `[1] < {…}` for a frame, `[1] note: …` for a status line (`wscat: ` dropped).
    static func tagged(_ text: String, tag: String, frame: Bool) -> String {
        guard !text.isEmpty else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return
            lines.map { line in
                if frame { return tag + "< " + line }
                return tag + (line.hasPrefix("wscat: ") ? line.dropFirst(7) : line)
            }.joined(separator: "\n") + "\n"
    }
}
