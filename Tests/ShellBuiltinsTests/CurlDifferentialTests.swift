import Foundation
import ShellBuiltins
import ShellRuntime
import ShellTestSupport
import Testing

/// Runs each spec case through the builtin and through /usr/bin/curl (Debian's curl, at the patch levels
/// `Peers.curl` holds for) against the same server, and compares what the server received, stdout, the exit code,
/// files written, and stderr for `-s`/`-S` command lines.
///
/// Known, documented differences are normalised away: lp-shell sends `Content-Length` after the other headers
/// (its presence and value are compared), multipart boundaries are random, and connect times differ. The peer is
/// Debian's curl 7.88.1 (7.88.1-10+deb12u14 or u15).
@Suite(.serialized) struct CurlDifferentialTests {
    static let realCurl = Peers.curl.executable

    static let cases: [BuiltinSpecCase] = CurlSpecTests.cases.filter(\.differential)

    @Test(.enabled(if: Peers.curl.isInstalled, "needs /usr/bin/curl (Debian's curl)"), arguments: cases)
    func sameAsRealCurl(_ specCase: BuiltinSpecCase) async throws {
        let environment = try await CurlTestEnvironment.differential()
        let ours = try await run(specCase, environment: environment, real: false)
        let theirs = try await run(specCase, environment: environment, real: true)
        await Peers.curl.compare {
            #expect(ours.status == theirs.status, "exit status; ours: \(ours.stderr) real: \(theirs.stderr)")
            #expect(Self.normalise(ours.stdout) == Self.normalise(theirs.stdout))
            #expect(ours.requests.map(Self.normalise) == theirs.requests.map(Self.normalise))
            #expect(
                ours.proxyHeads.map(Self.normaliseHead) == theirs.proxyHeads.map(Self.normaliseHead),
                "what the proxy got")
            let words = BuiltinSpecFile.words(specCase.arguments)
            // Without a meter (whose speeds differ) stderr is compared too.
            if words.contains(where: { $0.hasPrefix("-s") || $0 == "--no-progress-meter" || $0 == "-#" }) {
                #expect(Self.normaliseTimes(ours.stderr) == Self.normaliseTimes(theirs.stderr))
            }
            #expect(ours.files == theirs.files)
        }
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var requests: [RecordedRequest]
        /// The request heads the proxies received.
        var proxyHeads: [String]
        var files: [String: String]
    }

    private func run(_ specCase: BuiltinSpecCase, environment: CurlTestEnvironment, real: Bool) async throws
        -> Outcome
    {
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
        var variables: [String: String] = [:]
        for (name, value) in specCase.environment {
            variables[name] = environment.substitute(value, temporaryDirectory: directory)
        }
        _ = environment.http.takeRequests()
        _ = environment.https.takeRequests()
        _ = environment.proxy.takeHeads()
        _ = environment.authProxy.takeHeads()
        let stdin = specCase.stdin
        let env = variables
        let outcome: (Int32, String, String)
        if real {
            outcome = try await offThreadProcess {
                try Self.runRealCurl(arguments, stdin: stdin, environment: env, directory: directory)
            }
        } else {
            let result = await offThread {
                runBuiltin(Curl.self, arguments, stdin: stdin, environment: env, directory: directory)
            }
            outcome = (result.status.rawValue, result.stdoutText, result.stderr)
        }
        var files: [String: String] = [:]
        for (name, _) in specCase.expectedFiles {
            files[name] = try? String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8)
        }
        return Outcome(
            status: outcome.0, stdout: outcome.1, stderr: outcome.2.replacingOccurrences(of: directory, with: "{TMP}"),
            requests: environment.http.takeRequests() + environment.https.takeRequests(),
            proxyHeads: environment.proxy.takeHeads() + environment.authProxy.takeHeads(), files: files)
    }

    private static func runRealCurl(
        _ arguments: [String], stdin: String, environment: [String: String], directory: String
    ) throws -> (Int32, String, String) {
        var processEnvironment = ["PATH": "/usr/bin:/bin", "HOME": directory]
        processEnvironment.merge(environment) { $1 }
        let result = try ChildProcess.run(
            executable: realCurl, arguments: arguments, stdin: Array(stdin.utf8), environment: processEnvironment,
            directory: URL(fileURLWithPath: directory), timeout: 60)
        return (result.status, result.stdout, result.stderr)
    }

    /// Drops the `Content-Length` line from a request head (AHC's place for it differs from curl's).
    static func normaliseHead(_ head: String) -> String {
        head.replacingOccurrences(of: #"\r\nContent-Length: [0-9]+"#, with: "", options: .regularExpression)
    }

    /// Moves a `Content-Length` pair of `/echo` output to the end of the headers (lp-shell sends it last; see the
    /// suite's doc comment) and writes multipart boundaries as `{BOUNDARY}`.
    static func normalise(_ stdout: String) -> String {
        let moved = stdout.replacingOccurrences(
            of: #"(,\["Content-Length","[0-9]+"\])(.*)\]\],"body""#, with: "$2]$1],\"body\"",
            options: .regularExpression)
        return CurlSpecTests.normaliseBoundary(moved)
    }

    /// The request with `Content-Length` moved last and boundaries as `{BOUNDARY}`: whether it is sent, and its
    /// value, are compared.
    static func normalise(_ request: RecordedRequest) -> RecordedRequest {
        var normalised = request
        let isLength: ([String]) -> Bool = { $0.first?.lowercased() == "content-length" }
        normalised.headers = (request.headers.filter { !isLength($0) } + request.headers.filter(isLength)).map {
            $0.map(CurlSpecTests.normaliseBoundary)
        }
        normalised.body = Array(CurlSpecTests.normaliseBoundary(String(decoding: request.body, as: UTF8.self)).utf8)
        return normalised
    }

    static func normaliseTimes(_ text: String) -> String {
        text.replacingOccurrences(of: #"[0-9]+ (ms|milliseconds)"#, with: "N $1", options: .regularExpression)
    }
}
