import Foundation
import LivePersonAPI
import ShellTestSupport

@testable import LivePersonSandbox

/// Real curl (`Peers.curl`: Debian bookworm's 7.88.1) run against a sandbox, trusting its CA.
enum Curl {
    /// What curl printed: the body, and the status from `-w`.
    struct Answer: Sendable, CustomStringConvertible {
        let status: Int
        let body: String
        let stderr: String

        var json: WireJSON? { try? JSONDecoder().decode(WireJSON.self, from: Data(body.utf8)) }
        var description: String { "HTTP \(status): \(body) \(stderr)" }
    }

    /// Runs `curl -sS --cacert <sandbox CA> -w '\n%{http_code}' arguments…`.
    static func run(_ sandbox: RunningSandbox, _ arguments: [String]) async throws -> Answer {
        let marker = "\n--status--"
        let result = try await offThreadProcess {
            try ChildProcess.run(
                executable: Peers.curl.executable,
                arguments: ["-sS", "--cacert", sandbox.caCertificatePath, "-w", "\(marker)%{http_code}"] + arguments,
                stdin: nil, environment: ["PATH": "/usr/bin:/bin"], directory: nil, timeout: 20)
        }
        guard let range = result.stdout.range(of: marker, options: .backwards) else {
            return Answer(status: 0, body: result.stdout, stderr: result.stderr)
        }
        return Answer(
            status: Int(result.stdout[range.upperBound...]) ?? 0, body: String(result.stdout[..<range.lowerBound]),
            stderr: result.stderr)
    }

    /// A POST of `body` with `headers` (each `Name: value`) to `https://<sandbox>path`.
    static func post(
        _ sandbox: RunningSandbox, _ path: String, headers: [String] = [], body: String? = nil
    ) async throws -> Answer {
        var arguments = ["-X", "POST", "https://\(sandbox.hostPort)\(path)"]
        for header in headers { arguments += ["-H", header] }
        if let body { arguments += ["--data-binary", body] }
        return try await run(sandbox, arguments)
    }
}
