import CReadline
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Output from other threads (background sockets) for the terminal: printed above the line being edited while a
/// prompt is up (the shell's `readline` or a builtin's ``ReadlineAsyncPrompt``), which a wake-up pipe tells;
/// written at once otherwise.
public enum AbovePrompt {
    private struct State {
        var editing = 0
        var pending: [String] = []
    }

    private static let state = Mutex(State())
    /// The wake-up pipe: read end polled by the prompts, write end written by ``post(_:)``.
    static let pipe: (read: Int32, write: Int32) = {
        var fds: [Int32] = [-1, -1]
        if Glibc.pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        return (fds[0], fds[1])
    }()

    /// Prints `text` above the prompt being edited, or now when none is; safe from any thread.
    public static func post(_ text: String) {
        let queued = state.withLock { state -> Bool in
            if state.editing > 0 {
                state.pending.append(text)
                return true
            }
            // Written under the lock: a prompt cannot come up halfway through.
            fflush(nil)
            writeAll(text)
            return false
        }
        if queued {
            var byte: UInt8 = 1
            _ = write(pipe.write, &byte, 1)
        }
    }

    /// A prompt comes up: output is queued from now on.
    static func beginEditing() {
        _ = pipe
        state.withLock { $0.editing += 1 }
    }

    /// The prompt is gone: what is still queued is written, and output goes straight out again.
    static func endEditing() {
        state.withLock { state in
            state.editing = max(0, state.editing - 1)
            guard state.editing == 0 else { return }
            fflush(nil)
            for text in state.pending { writeAll(text) }
            state.pending.removeAll()
        }
    }

    /// Takes what is queued (after the wake-up pipe became readable).
    static func takePending() -> [String] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(pipe.read, &buffer, buffer.count) > 0 {}
        return state.withLock { state in
            defer { state.pending.removeAll() }
            return state.pending
        }
    }

    /// Prints the queued texts above readline's line and redraws it (readline is active on this thread).
    static func printPendingAboveLine() {
        let texts = takePending()
        guard !texts.isEmpty else { return }
        rl_clear_visible_line()
        fflush(nil)
        for text in texts { writeAll(text) }
        rl_on_new_line()
        rl_redisplay()
        fflush(nil)
    }

    static func writeAll(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(1, $0.baseAddress! + offset, $0.count - offset) }
            if written > 0 {
                offset += written
            } else if written < 0 && (errno == EINTR || errno == EAGAIN) {
                continue
            } else {
                return
            }
        }
    }
}
