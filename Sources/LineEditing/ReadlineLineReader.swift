import CReadline
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// GNU readline at a terminal: editing, Ctrl-R search, tab completion and a persisted history.
///
/// readline is blocking and not thread-safe, so only the REPL's thread may call it.
public final class ReadlineLineReader: LineReader, @unchecked Sendable {
    // @unchecked: readline's state is global and unsynchronised; only the REPL's thread (and builtins it runs
    // while it waits, such as `history`) ever calls into it, never two at once.
    private let historyFile: String?
    private let maximumEntries: Int32
    /// Why the history file cannot be written (its path and the system's reason), or nil when it can.
    public let historyProblem: String?

    /// - Parameters:
    ///   - historyFile: where history persists (created 0600); nil keeps it in memory.
    ///   - maximumEntries: how many entries to keep.
    public init(historyFile: String?, maximumEntries: Int32 = 5000) {
        var usable = historyFile
        if let historyFile, let reason = HistoryFile.ensurePrivate(historyFile) {
            historyProblem = "history is not saved (kept for this session only): \(historyFile): \(reason)"
            usable = nil
        } else {
            historyProblem = nil
        }
        self.historyFile = usable
        self.maximumEntries = maximumEntries
        creadline_set_name("lp-shell")
        creadline_set_catch_signals(0)
        creadline_set_signal_event_hook(readlineSignalHook)
        creadline_set_getc_function(readlineGetCharacter)
        creadline_set_attempted_completion(readlineComplete)
        creadline_set_completer_word_break_characters(" \t\n\"'`@><=;|&(:")
        using_history()
        creadline_set_history_max(maximumEntries)
        if let usable { read_history(usable) }
    }

    /// Runs `action` once, on this thread, when readline has shown the next prompt and waits for the first key
    /// (readline's pre-input hook): work that can wait for the prompt does not hold it up.
    public static func whenPromptShown(_ action: @escaping @Sendable () -> Void) {
        PromptShownActions.pending.withLock { $0.append(action) }
        creadline_set_pre_input_hook(readlinePreInputHook)
    }

    /// Provides completions: `(word being completed, text of the line before it)` → candidates, or nil for
    /// file-name completion.
    public static func setCompletionProvider(_ provider: @escaping @Sendable (String, String) -> [String]?) {
        CompletionState.provider.withLock { $0 = provider }
    }

    public func readLine(prompt: String) -> ReadResult {
        ReadlineSignalState.interrupted.store(false, ordering: .relaxed)
        // A Ctrl-C that stopped the previous command must not also cancel this prompt.
        ReadlineSignalState.pending.store(false, ordering: .relaxed)
        // Frames of background sockets print above the line being typed from now until it is entered.
        AbovePrompt.beginEditing()
        let raw = readline(prompt)
        AbovePrompt.endEditing()
        guard let raw else {
            if ReadlineSignalState.interrupted.load(ordering: .relaxed) { return .interrupted }
            return .endOfInput
        }
        defer { free(raw) }
        if ReadlineSignalState.interrupted.load(ordering: .relaxed) {
            ReadlineSignalState.interrupted.store(false, ordering: .relaxed)
            return .interrupted
        }
        return .line(String(cString: raw))
    }

    /// Adds an entry (already masked by the caller) and appends it to the history file.
    public func addHistory(_ entry: String) {
        guard !entry.allSatisfy(\.isWhitespace) else { return }
        add_history(entry)
        if let historyFile {
            HistoryFile.ensurePrivate(historyFile)
            if append_history(1, historyFile) != 0 { write_history(historyFile) }
            history_truncate_file(historyFile, maximumEntries)
        }
    }

    /// Every entry, oldest first.
    public var entries: [String] {
        var result: [String] = []
        let base = creadline_history_base()
        for offset in 0..<creadline_history_length() {
            if let entry = history_get(base + offset), let line = entry.pointee.line {
                result.append(String(cString: line))
            }
        }
        return result
    }

    /// Removes every entry (and empties the file).
    public func clear() {
        clear_history()
        if let historyFile { write_history(historyFile) }
    }
}

/// What ``ReadlineLineReader/whenPromptShown(_:)`` asked to run at the next prompt.
enum PromptShownActions {
    static let pending = Mutex<[@Sendable () -> Void]>([])
}

/// Called by readline once the prompt is on the screen, before it reads the first key.
private func readlinePreInputHook() -> Int32 {
    let actions = PromptShownActions.pending.withLock { pending in
        defer { pending.removeAll() }
        return pending
    }
    for action in actions { action() }
    return 0
}

/// Set by readline's signal hook when Ctrl-C arrives at the prompt.
enum ReadlineSignalState {
    static let interrupted = Atomic<Bool>(false)
    /// Returns true once per SIGINT (the shell's handler sets `pending`).
    static let pending = Atomic<Bool>(false)
}

/// Called by readline when a read is interrupted by a signal: Ctrl-C discards the line being edited.
private func readlineSignalHook() -> Int32 {
    if ReadlineSignalState.pending.exchange(false, ordering: .relaxed) {
        ReadlineSignalState.interrupted.store(true, ordering: .relaxed)
        rl_free_line_state()
        rl_replace_line("", 0)
        creadline_set_done(1)
        _ = write(1, "^C\n", 3)
    }
    return 0
}

/// readline's `rl_getc` with one change: Ctrl-C ends the read at once.
///
/// readline's own `rl_getc` calls the signal hook on EINTR and then goes back to `read`, so after Ctrl-C it waited
/// for the next key and swallowed it (typing `echo x` right after Ctrl-C ran `cho x`). Here the interrupted read
/// empties the line and returns a newline, which makes readline return the (discarded) line immediately.
private func readlineGetCharacter(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    let fd = stream.map { fileno($0) } ?? 0
    while true {
        // Wait for a key or for output of a background socket, which is printed above the line.
        var fds = [
            pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: AbovePrompt.pipe.read, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&fds, 2, -1)
        var interrupted = ready < 0 && errno == EINTR
        if ready > 0, fds[1].revents != 0, fds[0].revents == 0 {
            AbovePrompt.printPendingAboveLine()
            continue
        }
        if !interrupted {
            var byte: UInt8 = 0
            let count = read(fd, &byte, 1)
            if count == 1 { return Int32(byte) }
            if count == 0 || errno != EINTR { return EOF }
            interrupted = true
        }
        rl_check_signals()  // window size changes and the like, as rl_getc does
        if ReadlineSignalState.pending.exchange(false, ordering: .relaxed) {
            ReadlineSignalState.interrupted.store(true, ordering: .relaxed)
            rl_free_line_state()
            rl_replace_line("", 0)
            // rl_done makes readline return after this newline even where a newline does not accept the line
            // (it only ends a Ctrl-R search there).
            creadline_set_done(1)
            _ = write(1, "^C", 2)  // readline's accept-line writes the newline
            return Int32(UInt8(ascii: "\n"))
        }
    }
}

/// Marks a Ctrl-C for the readline hook (called from the shell's SIGINT handler; async-signal-safe).
public func noteInterruptForReadline() {
    ReadlineSignalState.pending.store(true, ordering: .relaxed)
}

enum CompletionState {
    static let provider = Mutex<(@Sendable (String, String) -> [String]?)?>(nil)
    nonisolated(unsafe) static var candidates: [String] = []
    nonisolated(unsafe) static var index = 0
}

private func readlineComplete(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
{
    let word = text.map { String(cString: $0) } ?? ""
    let line = creadline_line_buffer().map { String(cString: $0) } ?? ""
    let before = String(decoding: Array(line.utf8).prefix(Int(start)), as: UTF8.self)
    guard let provider = CompletionState.provider.withLock({ $0 }), let candidates = provider(word, before) else {
        creadline_set_attempted_completion_over(0)
        return nil
    }
    creadline_set_attempted_completion_over(1)
    CompletionState.candidates = candidates
    CompletionState.index = 0
    return rl_completion_matches(
        text,
        { _, state in
            if state == 0 { CompletionState.index = 0 }
            guard CompletionState.index < CompletionState.candidates.count else { return nil }
            defer { CompletionState.index += 1 }
            return strdup(CompletionState.candidates[CompletionState.index])
        })
}
