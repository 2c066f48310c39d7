import Foundation
import ShellTestSupport
import Testing

/// What lp-shell protects: tokens never in clear in history, transcripts or traces; secret files private and
/// checked at start-up; the sandbox on loopback unless told otherwise.
@Suite("Security")
struct SecurityTests {
    /// A JWT-shaped token (header `{"alg":"RS256","typ":"JWT"}`, an expired payload, a fake signature).
    static let token =
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjMiLCJleHAiOjE3MDAwMDAwMDB9."
        + "c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU"

    static func environment(home: TemporaryDirectory) -> [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": home.path, "TMPDIR": home.path,
            "TERM": "dumb", "NO_COLOR": "1",
        ]
    }

    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? nil
    }

    @Test func tokensNeverReachHistoryTranscriptsOrTraces() async throws {
        let home = try TemporaryDirectory(prefix: "security-")
        defer { home.remove() }
        let binary = try LPShellBinary.locate()
        let input = """
            record t.txt
            T=\(Self.token)
            echo ${#T}
            set -x
            curl -sS -H "Authorization: jwt $T" http://127.0.0.1:1/
            wscat -H "Authorization:jwt \(Self.token)" -c ws://127.0.0.1:1/
            record stop

            """
        let command = ShellQuote.quote(binary.path) + " --plain"
        let result = try await LPShellBinary(path: "/usr/bin/script").runOffPool(
            ["-qec", command, "/dev/null"], input: input, environment: Self.environment(home: home),
            directory: home.url, timeout: 40)
        #expect(result.status == 0, "\(result)")
        // The terminal shows what was typed (the tty echoes it); everything lp-shell itself printed is masked.
        let printed = LinePattern.terminalLines(result.stdout).filter { !$0.contains("$ ") && !$0.hasPrefix("T=") }
        #expect(printed.contains("117"), "\(printed)")
        #expect(printed.contains { $0.hasPrefix("+ curl -sS -H 'Authorization: jwt eyJh…U'") }, "\(printed)")
        for line in printed where !line.hasPrefix("wscat -H") && !line.hasPrefix("curl -sS") {
            #expect(!line.contains("c2lnbmF0dXJl"), "token in clear: \(line)")
        }
        let history = try String(contentsOfFile: home.path + "/.local/state/lp-shell/history", encoding: .utf8)
        #expect(history.contains("T=eyJh…U\n"), "\(history)")
        #expect(!history.contains("c2lnbmF0dXJl"), "\(history)")
        let transcript = try String(contentsOfFile: home.path + "/t.txt", encoding: .utf8)
        #expect(transcript.contains("T=eyJh…U\n"), "\(transcript)")
        #expect(!transcript.contains("c2lnbmF0dXJl"), "\(transcript)")
        #expect(Self.mode(home.path + "/.local/state/lp-shell/history") == 0o600)
        #expect(Self.mode(home.path + "/t.txt") == 0o600)
    }

    @Test func tracesMaskTokensInScriptsToo() async throws {
        let home = try TemporaryDirectory(prefix: "security-")
        defer { home.remove() }
        let result = try await LPShellBinary.locate().runOffPool(
            ["--plain", "-c", "set -x; echo \"jwt \(Self.token)\" >/dev/null"],
            environment: Self.environment(home: home),
            directory: home.url)
        #expect(result.stderr == "+ echo 'jwt eyJh…U'\n", "\(result)")
    }

    @Test func secretFilesAreCreatedPrivate() async throws {
        let home = try TemporaryDirectory(prefix: "security-")
        defer { home.remove() }
        let caDirectory = try BadInputSandbox.sharedCADirectory.get()
        let sandbox = try BadInputSandbox.start(arguments: [], caDirectory: caDirectory)
        defer { sandbox.stop() }
        var environment = Self.environment(home: home)
        environment["CURL_CA_BUNDLE"] = caDirectory + "/ca.pem"
        environment["LP_CSDS"] = sandbox.hostPort
        environment["LP_ACCOUNT"] = "a"
        let result = try await LPShellBinary.locate().runOffPool(
            ["-c", "echo $LP_IDP; LP_JWT=\(Self.token); save"], environment: environment, directory: home.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == sandbox.hostPort + "\n", "\(result)")
        let cache = home.path + "/.cache/lp-shell"
        let cached = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("csds-") }
        #expect(cached.count == 1)
        for name in cached { #expect(Self.mode(cache + "/" + name) == 0o600, "\(name)") }
        #expect(Self.mode(cache) == 0o700)
        #expect(Self.mode(home.path + "/lp.env") == 0o600)
        for name in ["ca-key.pem", "server-key.pem", "jwt-signing-key.pem"] {
            #expect(Self.mode(caDirectory + "/" + name) == 0o600, "\(name)")
        }
        #expect(Self.mode(caDirectory) == 0o700)
    }

    @Test func looseSecretFilesAreReportedAtStartUp() async throws {
        let home = try TemporaryDirectory(prefix: "security-")
        defer { home.remove() }
        let files = [
            ".local/state/lp-shell/history": 0o644, ".local/state/lp-shell/wscat_history": 0o640,
            ".cache/lp-shell/csds-adminlogin.liveperson.net-123.json": 0o604,
            ".local/share/lp-shell/sandbox/ca-key.pem": 0o660, ".local/share/lp-shell/sandbox/ca.pem": 0o644,
            "lp.env": 0o666, "other.env": 0o644, "private.env": 0o600,
        ]
        for (name, mode) in files {
            let path = home.path + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("X=1\n".utf8).write(to: URL(fileURLWithPath: path))
            chmod(path, mode_t(mode))
        }
        // Private folders, as lp-shell creates them: this test is about the files (the next one about folders).
        for folder in [".local/state/lp-shell", ".cache/lp-shell", ".local/share/lp-shell/sandbox"] {
            chmod(home.path + "/" + folder, 0o700)
        }
        let result = try await LPShellBinary.locate().runOffPool(
            ["--env-file", "other.env", "--env-file", "private.env", "-c", "echo still runs"],
            environment: Self.environment(home: home), directory: home.url)
        let fix = "holds secrets but other users can access it"
        #expect(
            result.stderr.components(separatedBy: "\n") == [
                "lp-shell: warning: \(home.path)/.local/state/lp-shell/history \(fix) (mode 0644); "
                    + "fix: chmod 600 \(home.path)/.local/state/lp-shell/history",
                "lp-shell: warning: \(home.path)/.local/state/lp-shell/wscat_history \(fix) (mode 0640); "
                    + "fix: chmod 600 \(home.path)/.local/state/lp-shell/wscat_history",
                "lp-shell: warning: \(home.path)/.cache/lp-shell/csds-adminlogin.liveperson.net-123.json \(fix) "
                    + "(mode 0604); fix: chmod 600 \(home.path)/.cache/lp-shell/csds-adminlogin.liveperson.net-123.json",
                "lp-shell: warning: \(home.path)/.local/share/lp-shell/sandbox/ca-key.pem \(fix) (mode 0660); "
                    + "fix: chmod 600 \(home.path)/.local/share/lp-shell/sandbox/ca-key.pem",
                "lp-shell: warning: lp.env \(fix) (mode 0666); fix: chmod 600 lp.env",
                "lp-shell: warning: other.env \(fix) (mode 0644); fix: chmod 600 other.env",
                "",
            ], "\(result)")
        #expect(result.stdout == "still runs\n")
        #expect(result.status == 0)
        // Warned, not changed behind the user's back.
        #expect(Self.mode(home.path + "/lp.env") == 0o666)
    }

    @Test func theSandboxBindsLoopbackAndWarnsOtherwise() async throws {
        let home = try TemporaryDirectory(prefix: "security-")
        defer { home.remove() }
        let caDirectory = try BadInputSandbox.sharedCADirectory.get()
        let binary = try LPShellBinary.locate()
        let loopback = try await binary.runOffPool(
            ["sandbox", "--port", "0", "--ca-dir", caDirectory, "--help"], environment: Self.environment(home: home))
        #expect(loopback.stdout.contains("\n      --host ADDRESS           address to bind (default 127.0.0.1)\n"))
        let local = try BadInputSandbox.start(arguments: [], caDirectory: caDirectory)
        defer { local.stop() }
        #expect(local.hostPort.hasPrefix("127.0.0.1:"))
        // /proc/net/tcp can lag behind a busy machine: look a few times.
        var bound = Self.listeners(port: local.port)
        for _ in 0..<20 where bound.isEmpty {
            try await Task.sleep(for: .milliseconds(100))
            bound = Self.listeners(port: local.port)
        }
        #expect(bound == ["127.0.0.1"], "bound to \(bound), sandbox stderr: \(local.errorOutput)")

        // `--host 0.0.0.0`: the one-line warning, then it serves on every interface.
        let result = try await binary.runOffPool(
            [
                "-c",
                "timeout 3 \(ShellQuote.quote(binary.path)) sandbox --host 0.0.0.0 --port 0 --ca-dir "
                    + ShellQuote.quote(caDirectory) + " >/dev/null",
            ],
            environment: Self.environment(home: home), directory: home.url, timeout: 30)
        let lines = result.stderr.components(separatedBy: "\n")
        #expect(
            lines.first == "lp-shell sandbox: warning: listening on 0.0.0.0, not loopback: anyone who can reach it "
                + "can use it", "\(result)")
        // The export lines name loopback, which works here and is in the certificate: the banner says so.
        #expect(
            lines.count > 1
                && lines[1].hasPrefix("lp-shell sandbox: note: the export lines name 127.0.0.1:")
                && lines[1].contains("which works on this machine and is in the certificate"), "\(result)")
    }

    @Test func theSandboxFoldersGivenAreAuditedAndLeftAlone() async throws {
        let home = try TemporaryDirectory(prefix: "security-")
        defer { home.remove() }
        let binary = try LPShellBinary.locate()
        let data = home.path + "/data"
        let run =
            "timeout 4 \(ShellQuote.quote(binary.path)) sandbox --port 0 --data \(ShellQuote.quote(data)) >/dev/null"
        let first = try await binary.runOffPool(
            ["-c", run], environment: Self.environment(home: home), directory: home.url, timeout: 30)
        #expect(Self.mode(data) == 0o700, "\(first)")
        #expect(Self.mode(data + "/sandbox.sqlite") == 0o600, "\(first)")
        chmod(data, 0o755)
        chmod(data + "/jwt-signing-key.pem", 0o644)
        chmod(data + "/sandbox.sqlite", 0o644)
        let second = try await binary.runOffPool(
            ["-c", run], environment: Self.environment(home: home), directory: home.url, timeout: 30)
        let fix = "holds secrets but other users can access it"
        let warnings = second.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("lp-shell: warning: ") }
        #expect(
            warnings == [
                "lp-shell: warning: \(data) \(fix) (mode 0755); fix: chmod 700 \(data)",
                "lp-shell: warning: \(data)/jwt-signing-key.pem \(fix) (mode 0644); fix: chmod 600 \(data)/jwt-signing-key.pem",
                "lp-shell: warning: \(data)/sandbox.sqlite \(fix) (mode 0644); fix: chmod 600 \(data)/sandbox.sqlite",
            ], "\(second)")
        #expect(second.stderr.contains("lp-shell sandbox: listening on"), "\(second)")
        // Warned, not changed: the sandbox ran with them as they are.
        #expect(Self.mode(data) == 0o755)
        #expect(Self.mode(data + "/jwt-signing-key.pem") == 0o644)
        #expect(Self.mode(data + "/sandbox.sqlite") == 0o644)
    }

    @Test func theCAVariablesTrustedAreTheOnesDocumented() async throws {
        let home = try TemporaryDirectory(prefix: "security-")
        defer { home.remove() }
        let caDirectory = try BadInputSandbox.sharedCADirectory.get()
        let sandbox = try BadInputSandbox.start(arguments: [], caDirectory: caDirectory)
        defer { sandbox.stop() }
        let script =
            "curl -sS -o /dev/null -w 'curl %{http_code}\\n' https://\(sandbox.hostPort)/api/account/a/service/idp/baseURI.json?version=1.0; "
            + "wscat -c wss://\(sandbox.hostPort)/ws_api/account/a/messaging/consumer?v=3 </dev/null 2>&1 | cut -c1-40"
        var answers: [String: String] = [:]
        for variable in ["SSL_CERT_FILE", "CURL_CA_BUNDLE"] {
            var environment = Self.environment(home: home)
            environment[variable] = caDirectory + "/ca.pem"
            let result = try await LPShellBinary.locate().runOffPool(
                ["--plain", "-c", script], environment: environment, directory: home.url)
            answers[variable] = result.stdout + result.stderr
        }
        // curl (and jwt --jwks) as curl 7.88 does: --cacert, else CURL_CA_BUNDLE, else SSL_CERT_FILE.
        #expect(answers["SSL_CERT_FILE"]?.hasPrefix("curl 200\n") == true, "\(answers)")
        #expect(answers["CURL_CA_BUNDLE"]?.hasPrefix("curl 200\n") == true, "\(answers)")
        // wscat: --ca, else SSL_CERT_FILE; CURL_CA_BUNDLE is curl's.
        #expect(answers["SSL_CERT_FILE"]?.contains("wscat: disconnected") == true, "\(answers)")
        #expect(answers["CURL_CA_BUNDLE"]?.contains("wscat: error: TLS: the certificate") == true, "\(answers)")
    }

    /// The addresses listening on `port` (IPv4, from /proc/net/tcp).
    static func listeners(port: String) -> [String] {
        // Read to the end by hand: procfs files report size 0, and with many sockets open (the full suite) a
        // one-shot read stopped after the first page, missing the listener.
        guard let file = fopen("/proc/net/tcp", "r"), let number = Int(port) else { return [] }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while case let count = fread(&chunk, 1, chunk.count, file), count > 0 { bytes += chunk[..<count] }
        let text = String(decoding: bytes, as: UTF8.self)
        let hexPort = String(format: "%04X", number)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count > 3, fields[3] == "0A" else { return nil }  // LISTEN
            let local = fields[1].split(separator: ":")
            guard local.count == 2, local[1] == hexPort, let address = UInt32(local[0], radix: 16) else { return nil }
            return [0, 8, 16, 24].map { String((address >> $0) & 0xFF) }.joined(separator: ".")
        }
    }
}
