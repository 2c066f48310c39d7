import Foundation
import ShellTestSupport

/// `lp-shell sandbox --port 0` running on its own, as if it were LivePerson's real CSDS and services: started in
/// the session's private HOME, its export lines parsed, stopped with SIGTERM.
final class SandboxProcess: @unchecked Sendable {
    // @unchecked: `output` is only touched under `lock`; the rest is set in init.
    private let process = Process()
    private let lock = NSLock()
    private var output = Data()
    private let errors = Pipe()
    /// `NAME → value` of the printed `export NAME='value'` lines.
    private(set) var exports: [String: String] = [:]

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    init(session: Session, arguments: [String] = [], timeout: Double = 30) throws {
        process.executableURL = URL(fileURLWithPath: session.binary.path)
        process.arguments = ["sandbox", "--port", "0"] + arguments
        process.environment = session.environment
        process.currentDirectoryURL = session.work
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            self.lock.lock()
            self.output.append(data)
            self.lock.unlock()
        }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = lock.withLock { String(decoding: output, as: UTF8.self) }
            // NODE_EXTRA_CA_CERTS is the last export line.
            if text.contains("export NODE_EXTRA_CA_CERTS=") && text.hasSuffix("\n") {
                exports = Self.parse(text)
                return
            }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw StartFailure(description: "lp-shell sandbox did not print its export lines in \(timeout) s")
    }

    /// `export NAME='value'` lines (values without `'`, as the sandbox prints them).
    static func parse(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("export ") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = String(line[line.index(line.startIndex, offsetBy: 7)..<equals])
            result[name] = String(line[line.index(after: equals)...]).trimmingCharacters(in: ["'"])
        }
        return result
    }

    /// Stops the sandbox (SIGTERM, then SIGKILL after 10 s) and waits for it.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}
