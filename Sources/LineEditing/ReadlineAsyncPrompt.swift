import CReadline
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// readline's callback interface for a prompt that other output may interrupt: the caller waits in ``next()``
/// (a `poll` on stdin and a wake-up pipe), and ``printAbove(_:)`` writes above the line being edited and redraws
/// it. A session has its own history (loaded from and appended to its file, 0600) and completion; ``end()``
/// puts the shell's back.
///
/// Like ``ReadlineLineReader`` it must be used from one thread at a time (``wake()`` excepted).
public final class ReadlineAsyncPrompt: @unchecked Sendable {
    // @unchecked: readline state is global; one thread drives a session, `wake()` only writes to a pipe.

    /// What ``next()`` returns.
    public enum Event: Equatable, Sendable {
        case line(String)
        case endOfInput
        case interrupted
        /// Ctrl-Z: the line was discarded (wscat puts its socket in the background).
        case suspend
        case wake
    }

    private let wakeRead: Int32
    private let wakeWrite: Int32
    private var prompt = "> "
    private var installed = false
    private var active = false
    private var historyFile: String?
    private var shellHistory: UnsafeMutablePointer<HISTORY_STATE>?
    private var shellCompletion: (@Sendable (String, String) -> [String]?)?

    /// Creates the wake-up pipe.
    public init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        wakeRead = fds[0]
        wakeWrite = fds[1]
    }

    /// Switches to the session's history and completion.
    public func begin(historyFile: String?, completion: @escaping @Sendable (String, String) -> [String]) {
        guard !active else { return }
        active = true
        self.historyFile = historyFile
        shellHistory = history_get_history_state()
        var empty = HISTORY_STATE()
        history_set_history_state(&empty)
        if let historyFile {
            HistoryFile.ensurePrivate(historyFile)
            read_history(historyFile)
        }
        shellCompletion = CompletionState.provider.withLock { $0 }
        ReadlineLineReader.setCompletionProvider { word, before in completion(word, before) }
        drainWakePipe()
        AbovePrompt.beginEditing()
        SuspendState.pending.store(false, ordering: .relaxed)
        creadline_catch_sigtstp { _ in SuspendState.pending.store(true, ordering: .relaxed) }
    }

    /// Restores the shell's history and completion and the terminal.
    public func end() {
        guard active else { return }
        AbovePrompt.endEditing()
        creadline_default_sigtstp()
        if installed {
            rl_callback_handler_remove()
            installed = false
        }
        clear_history()
        if let shellHistory {
            history_set_history_state(shellHistory)
            free(shellHistory)
        }
        shellHistory = nil
        let completion = shellCompletion
        CompletionState.provider.withLock { $0 = completion }
        active = false
    }

    /// The prompt from the next line on.
    public func setPrompt(_ prompt: String) {
        guard prompt != self.prompt else { return }
        self.prompt = prompt
        if installed {
            rl_set_prompt(prompt)
            rl_forced_update_display()
        }
    }

    /// Waits for a line, Ctrl-D, Ctrl-C or a wake-up.
    public func next() -> Event {
        AsyncPromptState.result = nil
        while true {
            if !installed {
                rl_callback_handler_install(prompt, asyncPromptLineHandler)
                fflush(nil)
                installed = true
            }
            var fds = [
                pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
                pollfd(fd: AbovePrompt.pipe.read, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 3, -1)
            if ready < 0 {
                if errno == EINTR, ReadlineSignalState.pending.exchange(false, ordering: .relaxed) {
                    discardLine()
                    return .interrupted
                }
                if errno == EINTR, SuspendState.pending.exchange(false, ordering: .relaxed) {
                    discardLine(echo: "^Z\n")
                    return .suspend
                }
                continue
            }
            if fds[1].revents != 0 {
                drainWakePipe()
                return .wake
            }
            if fds[2].revents != 0 {
                // Another socket's frames, printed above this prompt's line.
                for text in AbovePrompt.takePending() { printAbove(text) }
                continue
            }
            if fds[0].revents & Int16(POLLIN | POLLHUP) != 0 {
                rl_callback_read_char()
                if let result = AsyncPromptState.result {
                    AsyncPromptState.result = nil
                    // The handler removed itself: the next call installs it again with the (new) prompt.
                    installed = false
                    return result
                }
            } else if fds[0].revents != 0 {
                return .endOfInput
            }
        }
    }

    /// Makes ``next()`` return `.wake`.
    public func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    /// Writes `text` above the prompt and redraws the prompt and the line being typed.
    public func printAbove(_ text: String) {
        guard installed else {
            fflush(nil)
            writeAll(text)
            return
        }
        // readline draws through stdio; flush it around our direct write so the two never interleave.
        rl_clear_visible_line()
        fflush(nil)
        writeAll(text)
        rl_on_new_line()
        rl_redisplay()
        fflush(nil)
    }

    /// Adds an entry to the session history and appends it to the file.
    public func add(history entry: String) {
        add_history(entry)
        if let historyFile {
            HistoryFile.ensurePrivate(historyFile)
            if append_history(1, historyFile) != 0 { write_history(historyFile) }
            history_truncate_file(historyFile, 1000)
        }
    }

    private func discardLine(echo: String = "^C\n") {
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_replace_line("", 0)
        rl_callback_handler_remove()
        installed = false
        writeAll(echo)
    }

    private func drainWakePipe() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }

    private func writeAll(_ text: String) {
        AbovePrompt.writeAll(text)
    }
}

/// Set by the SIGTSTP handler while a session is active (Ctrl-Z).
enum SuspendState {
    static let pending = Atomic<Bool>(false)
}

/// The line handler's result (readline's callback takes no context).
enum AsyncPromptState {
    nonisolated(unsafe) static var result: ReadlineAsyncPrompt.Event?
}

private func asyncPromptLineHandler(_ line: UnsafeMutablePointer<CChar>?) {
    if let line {
        AsyncPromptState.result = .line(String(cString: line))
        free(line)
    } else {
        AsyncPromptState.result = .endOfInput
        _ = write(1, "\n", 1)
    }
    rl_callback_handler_remove()
}
