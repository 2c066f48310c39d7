import CShellSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program with `posix_spawn`, feeding stdin and draining stdout and stderr on threads of its own and
/// reaping it with `waitpid`, killing it after a timeout.
///
/// Nothing here waits on GCD: on Linux, Swift's cooperative pool and dispatch's global queues share a worker budget
/// the size of the machine, so when synchronous tests blocked every worker, the pipe readers and Foundation
/// `Process`'s exit monitor (both on GCD) could never run, and the whole test process hung.
public enum ChildProcess {
    /// Runs `executable` with `arguments` (stdin nil: `/dev/null`; environment nil: inherited) and waits for it;
    /// after `timeout` seconds it is killed and the result has `timedOut` set.
    public static func run(
        executable: String, arguments: [String], stdin: [UInt8]?, environment: [String: String]?, directory: URL?,
        timeout: Double
    ) throws -> ProcessResult {
        let child = try spawn(
            executable: executable, arguments: arguments, environment: environment, directory: directory,
            feedsStdin: stdin != nil)
        let collectedOutput = Collected()
        let collectedErrors = Collected()
        let readers = DispatchGroup()
        drain(child.stdout, into: collectedOutput, group: readers)
        drain(child.stderr, into: collectedErrors, group: readers)
        if let stdin {
            // A child that exits without reading all its input must not take the test process down with SIGPIPE.
            cshell_ignore_sigpipe()
            let descriptor = child.stdin
            Thread {
                // The child may exit without reading everything: a write error (EPIPE) just ends the feeding.
                stdin.withUnsafeBytes { buffer in
                    var offset = 0
                    while offset < buffer.count {
                        let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                        if written <= 0 { break }
                        offset += written
                    }
                }
                close(descriptor)
            }.start()
        }

        let (status, timedOut) = reap(child.pid, timeout: timeout)
        // Grandchildren may still hold the pipes; give the readers a bounded time to finish.
        _ = readers.wait(timeout: .now() + (timedOut ? 2 : timeout))
        return ProcessResult(
            stdoutBytes: collectedOutput.bytes, stderrBytes: collectedErrors.bytes, status: status, timedOut: timedOut)
    }

    /// A started child: its pid and the parent's ends of its pipes (stdin -1 when it reads /dev/null).
    struct Spawned {
        var pid: pid_t
        var stdin: Int32
        var stdout: Int32
        var stderr: Int32
    }

    /// Starts `executable` with its stdout and stderr on pipes (and stdin on one when `feedsStdin`), every signal
    /// unblocked and at its default disposition.
    static func spawn(
        executable: String, arguments: [String], environment: [String: String]?, directory: URL?, feedsStdin: Bool
    ) throws -> Spawned {
        var output: [Int32] = [0, 0]
        var errors: [Int32] = [0, 0]
        var input: [Int32] = [0, 0]
        guard cshell_pipe_cloexec(&output) == 0, cshell_pipe_cloexec(&errors) == 0, cshell_pipe_cloexec(&input) == 0
        else { throw Failure(description: "pipe: \(String(cString: strerror(errno)))") }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if feedsStdin {
            posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        if let directory { cshell_spawn_addchdir(&actions, directory.path) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Test threads may block signals (Swift Testing, dispatch workers): the child starts with none blocked.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE, SIGCHLD, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let variables = environment ?? ProcessInfo.processInfo.environment
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        for descriptor in [output[1], errors[1], input[0]] { close(descriptor) }
        guard spawned == 0 else {
            for descriptor in [output[0], errors[0], input[1]] { close(descriptor) }
            throw Failure(description: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        if !feedsStdin { close(input[1]) }
        return Spawned(pid: pid, stdin: feedsStdin ? input[1] : -1, stdout: output[0], stderr: errors[0])

    }

    /// Waits for `pid` (polling, so that the timeout needs no other thread); kills it after `timeout` seconds.
    /// Returns the exit status (128 + N after signal N) and whether it was killed.
    static func reap(_ pid: pid_t, timeout: Double) -> (Int32, Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        var killDeadline: Date?
        var waitStatus: Int32 = 0
        var pause: useconds_t = 200
        while true {
            let result = waitpid(pid, &waitStatus, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { return (-1, timedOut) }
            let now = Date()
            if !timedOut && now > deadline {
                timedOut = true
                kill(pid, SIGTERM)
                killDeadline = now.addingTimeInterval(2)
            } else if let killDeadline, now > killDeadline {
                kill(pid, SIGKILL)
            }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
        let signal = waitStatus & 0x7f
        return (signal == 0 ? (waitStatus >> 8) & 0xff : 128 + signal, timedOut)
    }

    /// Reads `descriptor` to its end on a thread of its own, appending to `sink` as bytes arrive, then closes it.
    static func drain(_ descriptor: Int32, into sink: Collected, group: DispatchGroup) {
        group.enter()
        Thread {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = read(descriptor, &chunk, chunk.count)
                if count > 0 {
                    sink.append(chunk[..<count])
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            close(descriptor)
            group.leave()
        }.start()
    }

    /// Why a child could not be started.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Bytes read on another thread (readable while more arrive).
    final class Collected: @unchecked Sendable {
        // @unchecked: every access goes through `lock`.
        private let lock = NSLock()
        private var storage: [UInt8] = []

        func append(_ bytes: ArraySlice<UInt8>) {
            lock.lock()
            storage += bytes
            lock.unlock()
        }

        var bytes: [UInt8] {
            lock.lock()
            defer { lock.unlock() }
            return storage
        }
    }
}
