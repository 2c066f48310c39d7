import Foundation
import HTTPTypes
import Logging
import NIOSSL
import ShellTestSupport
import WSClient

@testable import LivePersonSandbox

#if canImport(Glibc)
    import Glibc
#endif

/// `lp-shell sandbox` run as a real child process (the built binary), so a test can SIGKILL it.
final class SandboxProcess: @unchecked Sendable {
    let process: Process
    /// `127.0.0.1:PORT`, read from the `export LP_CSDS=…` line it prints.
    let hostPort: String

    struct StartFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `lp-shell sandbox --port 0 ARGUMENTS` and waits until it prints its export lines; its stderr goes to
    /// `log` (appended).
    init(arguments: [String], log: String) throws {
        let binary = try LPShellBinary.locate()
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary.path)
        process.arguments = ["sandbox", "--port", "0"] + arguments
        let output = Pipe()
        process.standardOutput = output
        FileManager.default.createFile(atPath: log, contents: nil)
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        errors.seekToEndOfFile()
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("\nexport LP_ACCOUNT=") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty {
                process.waitUntilExit()
                let stderr = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                throw StartFailure(
                    description: "sandbox exited (\(process.terminationStatus)) before listening: \(stderr)")
            }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("export LP_CSDS='") }) else {
            throw StartFailure(description: "no LP_CSDS line in \(text)")
        }
        hostPort = String(line.dropFirst("export LP_CSDS='".count).dropLast())
    }

    /// Kills the process with SIGKILL (no chance to flush or close anything) and reaps it.
    func killHard() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Stops it with SIGTERM; SIGKILL if it is still running 10 seconds later.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
        }
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline {
            usleep(10_000)
        }
        if process.isRunning {
            killHard()
        }
        process.waitUntilExit()
    }
}

extension SocketDriver {
    /// Connects a consumer socket to a sandbox at `hostPort` whose CA certificate is `caPath`.
    @discardableResult
    static func connect(
        hostPort: String, caPath: String, account: String, token: String,
        _ body: @escaping @Sendable (SocketDriver) async throws -> Void
    ) async throws -> WebSocketCloseFrame? {
        var tls = TLSConfiguration.makeClientConfiguration()
        let pem = try String(contentsOfFile: caPath, encoding: .utf8)
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8)))
        var configuration = WebSocketClientConfiguration()
        configuration.additionalHeaders = [.authorization: "jwt \(token)"]
        configuration.maxFrameSize = 1 << 24
        configuration.sniHostname = "localhost"
        return try await WebSocketClient.connect(
            url: "wss://\(hostPort)\(consumerPath(account))", configuration: configuration, tlsConfiguration: tls,
            logger: Logger(label: "test-client")
        ) { inbound, outbound, _ in
            try await body(SocketDriver(inbound: inbound, outbound: outbound))
        }
    }
}
