import Foundation
import HTTPTransfer
import JSONQuery
import ShellTestSupport
import Testing

@testable import LivePersonSandbox

/// `lp-shell --join` against a real class sandbox started in this process over loopback: the built binary runs as a
/// child process (off Swift's pool), joins, runs tutorial steps, and the teacher's `GET /class/state` shows it.
@Suite("Join a class", .serialized)
struct ClassJoinTests {
    /// One key folder for every class of the run (its RSA key is made once).
    static let keyDirectory: String = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lp-class-join-\(getpid())").path
        _ = try? CertificateAuthority.loadOrCreate(directory: directory)
        return directory
    }()

    /// A running class and what the tests need of it.
    struct Class: Sendable {
        let sandbox: RunningSandbox
        let joinURL: String
        let teacherKey: String
        let caPath: String
    }

    static func withClass(_ body: (Class) async throws -> Void) async throws {
        var configuration = SandboxConfiguration()
        configuration.port = 0
        configuration.caDirectory = keyDirectory
        configuration.botReplyDelay = .milliseconds(50)
        var settings = ClassSettings()
        settings.name = "Monday onboarding"
        configuration.classroom = settings
        let sandbox = try await RunningSandbox.start(configuration)
        do {
            let room = try #require(sandbox.services.classroom)
            let line = await room.joinLine
            let key = await room.teacherKey
            let url = String(try #require(line.split(separator: " ").last))
            try await body(Class(sandbox: sandbox, joinURL: url, teacherKey: key, caPath: sandbox.caCertificatePath))
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    /// Runs the built lp-shell with its own HOME (the learner's files go under it).
    static func lpShell(_ arguments: [String], home: TemporaryDirectory, dataHome: String? = nil) async throws
        -> ProcessResult
    {
        let binary = try LPShellBinary.locate()
        var environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": home.path, "TMPDIR": home.path,
            "USER": "ada",
        ]
        environment["XDG_DATA_HOME"] = dataHome
        let childEnvironment = environment
        return try await offThreadProcess {
            try binary.run(arguments, environment: childEnvironment, directory: home.url, timeout: 60)
        }
    }

    /// `GET /class/state` with the teacher key, through lp-shell's HTTP client trusting the class CA.
    static func roster(_ room: Class) async throws -> (text: String, value: JSONObject) {
        let url = "https://\(room.sandbox.hostPort)/class/state"
        let trust = TrustStore(insecure: false, caCertificatePath: room.caPath, environment: [:])
        let request = HTTPFetch.Request(url: url, trust: trust, environment: [:], maximumSeconds: 10)
        let key = room.teacherKey
        let exchange = await offThread {
            HTTPFetch.exchange(
                request, method: "GET", headers: ["Authorization: Bearer " + key, "Connection: close"])
        }
        guard case .response(200, _, let body) = exchange else {
            Issue.record("GET /class/state: \(exchange)")
            throw CancellationError()
        }
        var parser = JSONParser(bytes: body, grammar: .rfc8259)
        guard case .object(let object)?? = try parser.next() else { throw CancellationError() }
        return (String(decoding: body, as: UTF8.self), object)
    }

    static func learners(_ roster: JSONObject) -> [JSONObject] {
        guard case .array(let items)? = roster["learners"] else { return [] }
        return items.compactMap { if case .object(let learner) = $0 { learner } else { nil } }
    }

    static func string(_ object: JSONObject, _ key: String) -> String? {
        if case .string(let text)? = object[key] { return text }
        return nil
    }

    static func strings(_ object: JSONObject, _ key: String) -> [String] {
        guard case .array(let items)? = object[key] else { return [] }
        return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    @Test func joinRunStepsAndTheRosterShowsThemWithoutTokenValues() async throws {
        let home = try TemporaryDirectory(prefix: "lp-join-")
        defer { home.remove() }
        try await Self.withClass { room in
            let script = """
                echo "ACCOUNT=$LP_ACCOUNT CA=$CURL_CA_BUNDLE"
                step 1
                step 2
                echo "JWT=$LP_EXT_JWT"
                cd "$LP_EXT_JWT"
                """
            let result = try await Self.lpShell(["--join", room.joinURL, "--name", "Ada", "-c", script], home: home)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("step 1 ✓") && result.stderr.contains("step 2 ✓"), "\(result.stderr)")
            #expect(!result.stderr.contains("class unreachable"))
            let jwt = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("JWT=eyJ") }?.dropFirst(4))
            let account = try #require(
                result.stdout.split(separator: " ").first { $0.hasPrefix("ACCOUNT=") }?.dropFirst("ACCOUNT=".count))

            let folder = home.path + "/.local/share/lp-shell/class/127.0.0.1_\(room.sandbox.port)"
            #expect(result.stdout.contains("CA=\(folder)/ca-bundle.pem"))
            #expect(try Self.mode(folder) == 0o700)
            for file in ["ca.pem", "ca-bundle.pem", "learner.token"] {
                #expect(try Self.mode(folder + "/" + file) == 0o600, "\(file)")
            }

            let (text, roster) = try await Self.roster(room)
            let learner = try #require(Self.learners(roster).first)
            #expect(Self.string(learner, "name") == "Ada")
            #expect(Self.string(learner, "account") == String(account))
            #expect(Self.string(learner, "tutorial") == "unauthenticated")
            #expect(Self.strings(learner, "stepsDone") == ["1", "2"])
            #expect(Self.string(learner, "currentStep") == "3")
            #expect(Self.string(learner, "lastError")?.hasPrefix("cd: eyJ") == true, "\(text)")
            #expect(text.contains(#""name":"LP_EXT_JWT","state":"valid""#) || text.contains(#""state":"valid""#))
            // Never a token's value: not the JWT, not its payload, and nothing the class had to redact.
            #expect(!text.contains(String(jwt)))
            #expect(!text.contains(String(jwt.split(separator: ".")[1])))
            #expect(!text.contains(SecretRedaction.mask))
        }
    }

    @Test func rejoinKeepsTheLearnerAndItsAccount() async throws {
        let home = try TemporaryDirectory(prefix: "lp-rejoin-")
        defer { home.remove() }
        try await Self.withClass { room in
            let first = try await Self.lpShell(["--join", room.joinURL, "-c", "echo $LP_ACCOUNT"], home: home)
            #expect(first.status == 0, "\(first)")
            let second = try await Self.lpShell(["--join", room.joinURL, "-c", "echo $LP_ACCOUNT"], home: home)
            #expect(second.status == 0, "\(second)")
            #expect(first.stdout == second.stdout && first.stdout.count == 17, "\(first.stdout) \(second.stdout)")
            let learners = Self.learners(try await Self.roster(room).value)
            #expect(learners.count == 1)
            #expect(learners.first.flatMap { Self.string($0, "name") } == "ada")
            // A token the class does not know: the code is used again, a new learner joins.
            let folder = home.path + "/.local/share/lp-shell/class/127.0.0.1_\(room.sandbox.port)"
            try "not-a-token\n".write(toFile: folder + "/learner.token", atomically: true, encoding: .utf8)
            let third = try await Self.lpShell(["--join", room.joinURL, "-c", "echo $LP_ACCOUNT"], home: home)
            #expect(third.status == 0, "\(third)")
            #expect(third.stdout != first.stdout)
            #expect(Self.learners(try await Self.roster(room).value).count == 2)
        }
    }

    @Test func aRelativeDataHomeStaysRelative() async throws {
        let home = try TemporaryDirectory(prefix: "lp-join-rel-")
        defer { home.remove() }
        try await Self.withClass { room in
            let result = try await Self.lpShell(
                ["--join", room.joinURL, "-c", "echo $CURL_CA_BUNDLE"], home: home, dataHome: "learner/data")
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout == "learner/data/lp-shell/class/127.0.0.1_\(room.sandbox.port)/ca-bundle.pem\n")
            #expect(FileManager.default.fileExists(atPath: home.path + "/" + result.stdout.dropLast()))
        }
    }

    @Test func aWrongFingerprintIsRefused() async throws {
        let home = try TemporaryDirectory(prefix: "lp-join-fpr-")
        defer { home.remove() }
        try await Self.withClass { room in
            let (prefix, fingerprint) = try #require(
                room.joinURL.split(separator: ".").last.map { (room.joinURL.dropLast($0.count), String($0)) })
            let wrong = String(repeating: "A", count: 43)
            let result = try await Self.lpShell(["--join", prefix + wrong, "-c", "echo joined"], home: home)
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(
                result.stderr
                    == "lp-shell: the class at 127.0.0.1:\(room.sandbox.port) presented a CA whose fingerprint is "
                    + "\(fingerprint), not the join line's \(wrong): refusing to trust it\n", "\(result.stderr)")
            let folder = home.path + "/.local/share/lp-shell/class/127.0.0.1_\(room.sandbox.port)"
            #expect(!FileManager.default.fileExists(atPath: folder + "/ca.pem"))
            #expect(!FileManager.default.fileExists(atPath: folder + "/learner.token"))
            #expect(Self.learners(try await Self.roster(room).value).isEmpty)
        }
    }

    @Test func aWrongCodeIsOneLineAndExitOne() async throws {
        let home = try TemporaryDirectory(prefix: "lp-join-code-")
        defer { home.remove() }
        try await Self.withClass { room in
            let hash = try #require(room.joinURL.firstIndex(of: "#"))
            let dot = try #require(room.joinURL.lastIndex(of: "."))
            let code = room.joinURL[room.joinURL.index(after: hash)..<dot]
            let other = code.first == "A" ? "BBBBBBBB" : "AAAAAAAA"
            let url = room.joinURL.replacingOccurrences(of: "#\(code).", with: "#\(other).")
            let result = try await Self.lpShell(["--join", url, "-c", "echo joined"], home: home)
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(
                result.stderr
                    == "lp-shell: the class at 127.0.0.1:\(room.sandbox.port) refused the join code \(other) "
                    + "(wrong join code): ask the teacher for the current join line\n", "\(result.stderr)")
        }
    }

    @Test func anUnreachableClassIsOneLineAndExitOne() async throws {
        let home = try TemporaryDirectory(prefix: "lp-join-gone-")
        defer { home.remove() }
        let (descriptor, port) = try LoopbackListener.open()
        close(descriptor)
        let url = "https://127.0.0.1:\(port)/#K7QX2P9A." + String(repeating: "A", count: 43)
        let result = try await Self.lpShell(["--join", url, "-c", "echo joined"], home: home)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("lp-shell: cannot reach the class at 127.0.0.1:\(port): curl: (7) "))
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test func aClassThatGoesAwayIsSaidOnceAndTheShellGoesOn() async throws {
        let home = try TemporaryDirectory(prefix: "lp-join-away-")
        defer { home.remove() }
        var configuration = SandboxConfiguration()
        configuration.port = 0
        configuration.caDirectory = Self.keyDirectory
        configuration.classroom = ClassSettings()
        let sandbox = try await RunningSandbox.start(configuration)
        let room = try #require(sandbox.services.classroom)
        let url = String(try #require(await room.joinLine.split(separator: " ").last))
        let script = "sleep 7\nfalse\necho one\nsleep 0.3\nfalse\necho two\n"
        async let running = Self.lpShell(["--join", url, "-c", script], home: home)
        // Stopped while the shell sleeps (a graceful stop waits a few seconds for the learner's idle connection):
        // every report after it finds no class.
        try await Task.sleep(for: .seconds(1))
        await sandbox.stop()
        let result = try await running
        #expect(result.stdout == "one\ntwo\n")
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines == ["lp-shell: class unreachable, progress not reported (will retry)"], "\(result.stderr)")
    }

    @Test func aBadJoinLineIsAUsageError() async throws {
        let home = try TemporaryDirectory(prefix: "lp-join-bad-")
        defer { home.remove() }
        let result = try await Self.lpShell(["--join", "https://127.0.0.1:8443/#K7QX2P9A", "-c", "true"], home: home)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("lp-shell: --join https://127.0.0.1:8443/#K7QX2P9A: no CA fingerprint"))
    }

    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return ((attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0) & 0o777
    }
}
