import Foundation
import ShellTestSupport
import Testing

/// Ctrl-C ends a curl transfer at once over either transport, even when the server never answers.
@Suite struct CurlStopTests {
    /// A listening socket that never accepts: connections complete in the kernel, then hear nothing.
    final class SilentServer {
        let descriptor: Int32
        let port: Int

        init() throws {
            (descriptor, port) = try LoopbackListener.open(backlog: 8)
        }

        deinit { close(descriptor) }
    }

    @Test(arguments: ["direct", "ahc"])
    func ctrlCEndsATransferThatHearsNothing(transport: String) throws {
        let server = try SilentServer()
        let shell = try Shell()
        defer { shell.home.remove() }
        let script =
            "\"$LP\" -c 'curl -s http://127.0.0.1:\(server.port)/; echo status=$?' & p=$!; "
            + "sleep 0.5; kill -INT $p; wait $p; echo exit=$?"
        let environment = shell.environment.merging(["LP": shell.binary.path, "LP_CURL_TRANSPORT": transport]) { $1 }
        let start = ContinuousClock.now
        let result = try ChildProcess.run(
            executable: "/bin/bash", arguments: ["-c", script], stdin: nil, environment: environment,
            directory: shell.home.url, timeout: 20)
        // Unstopped, the transfer would last until the 20 s timeout; the bound is loose for a loaded CI machine.
        #expect(ContinuousClock.now - start < .seconds(15), "Ctrl-C took effect late")
        #expect(result.stdout == "exit=130\n")
        #expect(!crashSignatures.contains { result.stderr.contains($0) }, "\(result.stderr)")
    }
}
