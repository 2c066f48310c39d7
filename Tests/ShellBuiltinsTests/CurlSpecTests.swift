import Foundation
import ShellBuiltins
import ShellRuntime
import ShellTestSupport
import Testing

/// Runs every case of `Cases/curl.test.sh` through the builtin against the local test servers, once over each
/// transport (`LP_CURL_TRANSPORT`): both must give the same bytes, statuses and files.
@Suite(.serialized) struct CurlSpecTests {
    static let cases: [BuiltinSpecCase] = {
        guard let url = Bundle.module.url(forResource: "Cases/curl", withExtension: "test.sh"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return BuiltinSpecFile.parse(text)
    }()

    @Test func specFileHasCases() {
        #expect(Self.cases.count > 40)
    }

    @Test(arguments: cases, ["direct", "ahc"])
    func spec(_ specCase: BuiltinSpecCase, transport: String) async throws {
        if let transports = specCase.transports, !transports.contains(transport) { return }
        let environment = try await CurlTestEnvironment.shared()
        let directory = try CurlTestEnvironment.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (name, content) in specCase.files {
            try environment.substitute(content, temporaryDirectory: directory)
                .replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\t", with: "\t")
                .write(toFile: "\(directory)/\(name)", atomically: true, encoding: .utf8)
        }
        let arguments = BuiltinSpecFile.words(specCase.arguments).map {
            environment.substitute($0, temporaryDirectory: directory)
        }
        var variables = ["LP_CURL_TRANSPORT": transport]
        for (name, value) in specCase.environment {
            variables[name] = environment.substitute(value, temporaryDirectory: directory)
        }
        let stdin = specCase.stdin
        let env = variables
        let result = await offThread {
            runBuiltin(Curl.self, arguments, stdin: stdin, environment: env, directory: directory)
        }
        #expect(result.status.rawValue == specCase.exitCode, "exit status; stderr: \(result.stderr)")
        if let expected = specCase.stdout {
            #expect(
                Self.normaliseBoundary(result.stdoutText)
                    == environment.substitute(expected, temporaryDirectory: directory))
        }
        if let expected = specCase.stderr {
            let wanted = environment.substitute(expected, temporaryDirectory: directory)
            #expect(Self.matches(result.stderr, wanted), "stderr: \(result.stderr)")
        }
        for (name, expected) in specCase.expectedFiles {
            let actual = try? String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8)
            #expect(actual == environment.substitute(expected, temporaryDirectory: directory), "file \(name)")
        }
    }

    /// A multipart boundary (curl's 24 dashes and 16 random hex digits) as `{BOUNDARY}`.
    static func normaliseBoundary(_ text: String) -> String {
        text.replacingOccurrences(of: "-{24}[0-9a-f]{16}", with: "{BOUNDARY}", options: .regularExpression)
    }

    /// Exact comparison where `{MS}` in `expected` stands for any run of digits (curl's elapsed milliseconds).
    static func matches(_ actual: String, _ expected: String) -> Bool {
        let parts = expected.components(separatedBy: "{MS}")
        guard parts.count > 1 else { return actual == expected }
        var rest = Substring(actual)
        for (index, part) in parts.enumerated() {
            guard rest.hasPrefix(part) else { return false }
            rest = rest.dropFirst(part.count)
            if index < parts.count - 1 {
                let digits = rest.prefix { $0.isNumber }
                guard !digits.isEmpty else { return false }
                rest = rest.dropFirst(digits.count)
            }
        }
        return rest.isEmpty
    }
}
