import Foundation

/// Runs a program with Foundation's `Process`, feeding stdin and draining stdout and stderr on their own threads
/// so that large outputs cannot deadlock, and killing it after a timeout.
public enum ChildProcess {
    /// Runs `executable` with `arguments` (stdin nil: `/dev/null`; environment nil: inherited) and waits for it;
    /// after `timeout` seconds it is killed and the result has `timedOut` set.
    public static func run(
        executable: String, arguments: [String], stdin: [UInt8]?, environment: [String: String]?, directory: URL?,
        timeout: Double
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        let inputPipe: Pipe?
        if stdin != nil {
            let pipe = Pipe()
            process.standardInput = pipe
            inputPipe = pipe
        } else {
            process.standardInput = FileHandle.nullDevice
            inputPipe = nil
        }
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()

        let group = DispatchGroup()
        let output = Collected()
        let errors = Collected()
        read(outputPipe.fileHandleForReading, into: output, group: group)
        read(errorPipe.fileHandleForReading, into: errors, group: group)
        if let inputPipe, let stdin {
            let handle = inputPipe.fileHandleForWriting
            DispatchQueue.global().async {
                // The child may exit without reading everything: a write error (EPIPE) just ends the feeding.
                _ = try? handle.write(contentsOf: Data(stdin))
                try? handle.close()
            }
        }

        var timedOut = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if exited.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                exited.wait()
            }
        }
        // Grandchildren may still hold the pipes; give the readers a bounded time to finish.
        _ = group.wait(timeout: .now() + (timedOut ? 2 : timeout))
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return ProcessResult(
            stdoutBytes: output.bytes, stderrBytes: errors.bytes, status: status, timedOut: timedOut)
    }

    private static func read(_ handle: FileHandle, into sink: Collected, group: DispatchGroup) {
        group.enter()
        DispatchQueue.global().async {
            let data = (try? handle.readToEnd()) ?? Data()
            sink.set(Array(data))
            group.leave()
        }
    }

    /// Bytes read on another thread.
    private final class Collected: @unchecked Sendable {
        // @unchecked: every access goes through `lock`.
        private let lock = NSLock()
        private var storage: [UInt8] = []

        func set(_ bytes: [UInt8]) {
            lock.lock()
            storage = bytes
            lock.unlock()
        }

        var bytes: [UInt8] {
            lock.lock()
            defer { lock.unlock() }
            return storage
        }
    }
}
