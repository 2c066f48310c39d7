import Foundation
import ShellTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The real lp-shell binary with a pipe on its standard input: the walk pastes a page's lines into it one at a time,
/// as a learner does, and reads what it prints (both streams kept whole, read on threads of their own).
final class PastingShell: @unchecked Sendable {
    // @unchecked: the output buffers are only touched under `lock`; the process and pipes are set in init.
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var stdoutBytes: [UInt8] = []
    private var stderrBytes: [UInt8] = []
    private var readers: [Thread] = []
    private let finished = DispatchGroup()

    init(environment: [String: String], directory: URL) throws {
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = URL(fileURLWithPath: try LPShellBinary.locate().path)
        process.arguments = []
        process.environment = environment
        process.currentDirectoryURL = directory
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        startReading(output.fileHandleForReading.fileDescriptor, stdout: true)
        startReading(errors.fileHandleForReading.fileDescriptor, stdout: false)
    }

    private func startReading(_ descriptor: Int32, stdout: Bool) {
        finished.enter()
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                lock.lock()
                if stdout {
                    stdoutBytes += buffer[0..<count]
                } else {
                    stderrBytes += buffer[0..<count]
                }
                lock.unlock()
            }
            finished.leave()
        }
        thread.start()
        readers.append(thread)
    }

    /// Everything on stdout so far.
    var stdout: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: stdoutBytes, as: UTF8.self)
    }

    /// Everything on stderr so far.
    var stderr: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: stderrBytes, as: UTF8.self)
    }

    /// Where each stream ends now (bytes), for reading only what a line printed.
    var marks: (stdout: Int, stderr: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (stdoutBytes.count, stderrBytes.count)
    }

    /// What each stream printed since `marks`.
    func printed(since marks: (stdout: Int, stderr: Int)) -> (stdout: String, stderr: String) {
        lock.lock()
        defer { lock.unlock() }
        return (
            String(decoding: stdoutBytes[min(marks.stdout, stdoutBytes.count)...], as: UTF8.self),
            String(decoding: stderrBytes[min(marks.stderr, stderrBytes.count)...], as: UTF8.self)
        )
    }

    /// Pastes `text` and a newline.
    func paste(_ text: String) {
        let bytes = Array((text + "\n").utf8)
        let descriptor = input.fileHandleForWriting.fileDescriptor
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBufferPointer {
                write(descriptor, $0.baseAddress! + offset, bytes.count - offset)
            }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Waits up to `timeout` seconds for `condition` on (stdout since marks, stderr since marks); true when it held.
    func wait(
        since marks: (stdout: Int, stderr: Int), timeout: Double,
        until condition: (_ stdout: String, _ stderr: String) -> Bool
    ) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let (out, err) = printed(since: marks)
            if condition(out, err) { return true }
            if !process.isRunning {
                let (out, err) = printed(since: marks)
                return condition(out, err)
            }
            try? await Task.sleep(for: .milliseconds(15))
        }
        return false
    }

    /// Ends standard input (the learner's Ctrl-D) and waits up to `timeout` seconds for the shell to exit; kills it
    /// after that. Returns its exit status, nil when it had to be killed.
    func finish(timeout: Double = 10) async -> Int32? {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        _ = finished.wait(timeout: .now() + 5)
        return process.terminationStatus
    }
}
