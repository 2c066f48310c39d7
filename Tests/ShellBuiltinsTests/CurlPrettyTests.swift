import Foundation
import ShellRuntime
import ShellTestSupport
import Testing

@testable import HTTPTransfer
@testable import ShellBuiltins

/// `curl --pretty` (lp-shell only): indented, jq-coloured JSON on a terminal; the bytes untouched anywhere else.
@Suite struct CurlPrettyTests {
    /// The test server's `/json` body, byte for byte.
    static let body = #"{"token":"abc123","items":[1,2,3]}"# + "\n"

    static func curl(_ arguments: [String], terminal: Bool, environment: [String: String] = [:]) async throws
        -> BuiltinResult
    {
        let url = try await CurlTestEnvironment.shared().http.baseURL
        let expanded = arguments.map { $0.replacingOccurrences(of: "{URL}", with: url) }
        return await offThread {
            runBuiltin(Curl.self, expanded, environment: environment, stdoutIsTerminal: terminal)
        }
    }

    /// What the `jq` builtin prints for `jq .` on a terminal (its colours are checked against jq 1.7.1).
    static func jqOnTerminal(_ input: String, environment: [String: String] = [:]) -> [UInt8] {
        runBuiltin(JQ.self, ["."], stdin: input, environment: environment, stdoutIsTerminal: true).stdout
    }

    @Test func terminalGetsJQColours() async throws {
        let result = try await Self.curl(["-s", "--pretty", "{URL}/json"], terminal: true)
        #expect(result.status == .success)
        #expect(result.stdout == Self.jqOnTerminal(Self.body))
        // jq 1.7.1's defaults: objects bold white (1;37), keys blue bold (34;1), strings green (0;32).
        #expect(result.stdoutText.hasPrefix("\u{1B}[1;37m{\n  \u{1B}[0m\u{1B}[34;1m\"token\"\u{1B}[0m"))
        #expect(result.stdoutText.contains("\u{1B}[0;32m\"abc123\"\u{1B}[0m"))
    }

    @Test func noColorKeepsTheIndentOnly() async throws {
        let result = try await Self.curl(
            ["-s", "--pretty", "{URL}/json"], terminal: true, environment: ["NO_COLOR": "1"])
        #expect(result.stdoutText == "{\n  \"token\": \"abc123\",\n  \"items\": [\n    1,\n    2,\n    3\n  ]\n}\n")
    }

    @Test func notATerminalKeepsCurlsBytes() async throws {
        let result = try await Self.curl(["-s", "--pretty", "{URL}/json"], terminal: false)
        #expect(result.stdoutText == Self.body)
    }

    @Test func withoutTheFlagATerminalGetsCurlsBytes() async throws {
        let result = try await Self.curl(["-s", "{URL}/json"], terminal: true)
        #expect(result.stdoutText == Self.body)
    }

    @Test func bodyThatIsNotJSONIsUnchanged() async throws {
        let result = try await Self.curl(["-s", "--pretty", "{URL}/status/200"], terminal: true)
        #expect(result.stdoutText == "status 200\n")
    }

    @Test func headersStayRawAndTheBodyIsPretty() async throws {
        let result = try await Self.curl(["-s", "-i", "--pretty", "{URL}/json"], terminal: true)
        let text = result.stdoutText
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(text.hasSuffix("\r\n\r\n" + String(decoding: Self.jqOnTerminal(Self.body), as: UTF8.self)))
    }

    @Test func outputFileGetsCurlsBytes() async throws {
        let directory = try CurlTestEnvironment.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await Self.curl(
            ["-s", "--pretty", "-o", "\(directory)/out.json", "{URL}/json"], terminal: true)
        #expect(result.status == .success)
        #expect(FileReading.readBytes("\(directory)/out.json") == Array(Self.body.utf8))
    }

    @Test func helpListsTheExtension() {
        #expect(Curl.usage.contains("--pretty               lp-shell extension"))
    }
}
