import Foundation
import ShellTestSupport
import Testing

/// Output that depends on standard output being a real terminal: lp-shell run under `script(1)`, which gives it a pty.
@Suite("Terminal output", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
struct TerminalOutputTests {
    /// The test server's `/json` body.
    static let body = #"{"token":"abc123","items":[1,2,3]}"# + "\n"

    /// `lp-shell -c CODE` with stdout on a pty; returns what the terminal received (the pty turns `\n` into `\r\n`).
    static func onTerminal(_ shell: Shell, _ code: String) throws -> String {
        let quoted = "'" + code.replacingOccurrences(of: "'", with: "'\\''") + "'"
        let result = try ChildProcess.run(
            executable: "/usr/bin/script", arguments: ["-qec", "\(shell.binary.path) -c \(quoted)", "/dev/null"],
            stdin: nil, environment: shell.environment, directory: shell.home.url, timeout: 20)
        #expect(result.status == 0, "\(result)")
        return result.stdout.replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test func curlPrettyColoursJSONLikeTheJQBuiltin() async throws {
        let server = try await HTTPTestServer.start()
        let shell = try Shell()
        let pretty = try Self.onTerminal(shell, "curl -s --pretty \(server.baseURL)/json")
        let jq = try Self.onTerminal(shell, "printf '%s' '\(Self.body)' > b.json; jq . b.json")
        #expect(pretty == jq)
        #expect(pretty.hasPrefix("\u{1B}[1;37m{\n  \u{1B}[0m\u{1B}[34;1m\"token\""), "\(pretty.debugDescription)")
        let plain = try Self.onTerminal(shell, "curl -s \(server.baseURL)/json")
        #expect(plain == Self.body)
        let piped = try shell.command("curl -s --pretty \(server.baseURL)/json")
        #expect(piped.stdout == Self.body)
    }

    /// A trap (here a SIGILL sent from outside, as a failed Swift check raises it) prints one line and ends the
    /// process at once: Swift's crash reporter would wait for a keypress on the terminal and look frozen.
    @Test func aTrapOnATerminalEndsAtOnceWithOneLine() throws {
        let shell = try Shell()
        let started = Date()
        let result = try ChildProcess.run(
            executable: "/usr/bin/script",
            arguments: ["-qec", "\(shell.binary.path) -c '/bin/kill -s ILL $$; echo not-reached'", "/dev/null"],
            stdin: nil, environment: shell.environment, directory: shell.home.url, timeout: 20)
        #expect(Date().timeIntervalSince(started) < 10, "the trap took too long: \(result)")
        #expect(result.status == 128 + 4, "\(result)")
        let text = result.stdout.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(text.contains("lp-shell: internal error: SIGILL"), "\(text.debugDescription)")
        #expect(!text.contains("not-reached"))
        #expect(!text.contains("Backtracing"), "Swift's crash reporter ran: \(text)")
    }
}
