import Foundation
import ShellTestSupport

/// A standalone `lp-shell sandbox --port 0` for one row, stopped with SIGKILL when the row ends.
final class SandboxProcess: @unchecked Sendable {
    // @unchecked: `process` is set once in init and only read afterwards.
    let process: Process
    /// `127.0.0.1:PORT`.
    let hostPort: String

    /// The CA folder every standalone sandbox of the suite shares, created once before any of them runs (two
    /// sandboxes creating keys in one folder at once would each trust their own).
    static let sharedCADirectory: Result<String, any Error> = Result {
        // A folder the sandbox creates itself, so that its mode (0700) is the sandbox's doing.
        let folder = try TemporaryDirectory(prefix: "badinput-ca-").path + "/sandbox"
        let first = try SandboxProcess(arguments: [], caDirectory: folder)
        first.stop()
        return folder
    }

    /// Starts the sandbox and waits for its `export LP_CSDS=` line.
    init(arguments: [String], caDirectory: String) throws {
        let binary = try LPShellBinary.locate()
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary.path)
        process.arguments = ["sandbox", "--port", "0", "--ca-dir", caDirectory] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var text = ""
        let handle = output.fileHandleForReading
        let deadline = Date().addingTimeInterval(30)
        var found: String?
        while found == nil && Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: "export LP_CSDS='"), let end = text[range.upperBound...].firstIndex(of: "'") {
                found = String(text[range.upperBound..<end])
            }
        }
        guard let found else {
            process.terminate()
            throw StartFailure(output: text)
        }
        hostPort = found
        // Keep draining stdout so the sandbox never blocks on a full pipe.
        DispatchQueue.global().async {
            while !handle.availableData.isEmpty {}
        }
    }

    /// The port.
    var port: String { String(hostPort.split(separator: ":").last ?? "") }

    /// Kills the sandbox (SIGKILL: it may already be dead when a row killed it itself).
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    struct StartFailure: Error, CustomStringConvertible {
        var output: String
        var description: String { "the sandbox did not start: \(output)" }
    }
}
