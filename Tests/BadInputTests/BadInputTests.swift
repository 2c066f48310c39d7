import Foundation
import ShellTestSupport
import Testing

/// The bad-input table: every row's input gives exactly the expected lines and status, never a crash, and the
/// session keeps what it had (variables, history, open sockets).
@Suite("Bad input")
struct BadInputTests {
    static let rows: [BadInputCase] =
        BadInputRows.shell + BadInputRows.tools + BadInputRows.network
        + BadInputRows.files + BadInputRows.tokens + BadInputRows.jqTraps + BadInputRows.classRows

    @Test("the table has at least 45 rows")
    func tableSize() {
        #expect(Self.rows.count >= 45)
    }

    /// Every row whose error message shows what the user typed, with a JWT typed there instead.
    static let tokenRows: [BadInputCase] = rows.compactMap(\.withToken)

    @Test("at least 30 error paths get a JWT")
    func tokenTableSize() {
        #expect(Self.tokenRows.count >= 30)
    }

    /// The same error, the same status and as many lines, and the token masked in them: never in clear.
    @Test("a JWT in a row's input is masked in its error", arguments: tokenRows)
    func rowWithToken(_ row: BadInputCase) async throws {
        let home = try TemporaryDirectory(prefix: "badinput-jwt-")
        defer { home.remove() }
        try Self.prepare(row, home: home)
        let (result, _) = try await offThreadProcess { try Self.execute(row, home: home) }
        #expect(!result.timedOut, "timed out: \(result)")
        #expect(result.status == row.status, "\(result)")
        let errors = LinePattern.lines(result.stderr)
        #expect(errors.count == row.stderr.count, "stderr \(errors) ≠ \(row.stderr.count) lines like \(row.stderr)")
        #expect(result.stderr.contains(TokenSample.masked), "the masked token is missing: \(errors)")
        for part in TokenSample.secretParts {
            #expect(!result.stderr.contains(part), "the token in clear: \(errors)")
        }
    }

    @Test("row", arguments: rows)
    func row(_ row: BadInputCase) async throws {
        let home = try TemporaryDirectory(prefix: "badinput-")
        defer { home.remove() }
        try Self.prepare(row, home: home)
        // The processes run off Swift's cooperative pool: blocking it here starves the async tests beside this one.
        let (result, sandboxPort) = try await offThreadProcess { try Self.execute(row, home: home) }
        let substitute: (String) -> String = { pattern in
            pattern.replacingOccurrences(of: "{HOME}", with: home.path)
                .replacingOccurrences(of: "{PORT}", with: sandboxPort ?? "")
        }
        #expect(!result.timedOut, "timed out: \(result)")
        #expect(result.status == row.status, "\(result)")
        let stderrPatterns = row.stderr.map(substitute)
        let stdoutPatterns = row.stdout.map(substitute)
        if row.mode == .terminal {
            let lines = LinePattern.terminalLines(result.stdout)
            #expect(
                containsBlock(lines, stderrPatterns), "expected \(stderrPatterns) in:\n\(lines.joined(separator: "\n"))"
            )
            #expect(
                containsInOrder(lines, stdoutPatterns),
                "expected \(stdoutPatterns) in:\n\(lines.joined(separator: "\n"))")
        } else {
            let errors = LinePattern.lines(result.stderr)
            #expect(matchAll(errors, stderrPatterns), "stderr \(errors) ≠ \(stderrPatterns)")
            if let bytes = row.stdoutBytes {
                #expect(result.stdoutBytes == bytes, "stdout \(result.stdoutBytes.prefix(64))")
            } else {
                let output = LinePattern.lines(result.stdout)
                #expect(matchAll(output, stdoutPatterns), "stdout \(output.map { $0.prefix(200) }) ≠ \(stdoutPatterns)")
            }
        }
        for signature in ["Fatal error", "Program crashed", "Backtracing", "Stack dump", "Swift/"] {
            #expect(!result.stderr.contains(signature) && !result.stdout.contains(signature), "\(signature)")
        }
        for check in row.after {
            if let failure = check(home.path) { Issue.record(Comment(rawValue: failure)) }
        }
    }

    /// Creates the row's folders and files in its home folder.
    private static func prepare(_ row: BadInputCase, home: TemporaryDirectory) throws {
        for folder in row.folders {
            try FileManager.default.createDirectory(
                atPath: home.path + "/" + folder, withIntermediateDirectories: true)
        }
        for (name, contents) in row.files {
            let path = home.path + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(contents).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o600)
        }
    }

    /// Starts the row's sandbox if it has one, runs the row, stops the sandbox: the blocking part of a row.
    private static func execute(_ row: BadInputCase, home: TemporaryDirectory) throws -> (ProcessResult, String?) {
        var environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": home.path, "TMPDIR": home.path,
            "TERM": "dumb", "NO_COLOR": "1",
        ]
        var sandbox: StandaloneSandbox?
        if case .standalone(let arguments, let trusted) = row.server {
            let caDirectory = try BadInputSandbox.sharedCADirectory.get()
            let started = try BadInputSandbox.start(arguments: arguments, caDirectory: caDirectory)
            sandbox = started
            environment["SB"] = started.hostPort
            environment["SB_PID"] = String(started.pid)
            environment["SB_CA"] = caDirectory + "/ca.pem"
            if trusted {
                environment["CURL_CA_BUNDLE"] = caDirectory + "/ca.pem"
                environment["SSL_CERT_FILE"] = caDirectory + "/ca.pem"
            }
        }
        if case .classroom(let arguments) = row.server {
            let caDirectory = try BadInputSandbox.sharedCADirectory.get()
            let started = try StandaloneSandbox(arguments: ["--ca-dir", caDirectory] + arguments, command: "class")
            sandbox = started
            environment["SB"] = started.hostPort
            environment["CODE"] = started.exports["CLASS_CODE"]
            environment["KEY"] = started.exports["CLASS_KEY"]
            environment["CURL_CA_BUNDLE"] = caDirectory + "/ca.pem"
            environment["SSL_CERT_FILE"] = caDirectory + "/ca.pem"
        }
        defer { sandbox?.stop() }

        return (try run(row, environment: environment, home: home), sandbox?.port)
    }

    private static func run(_ row: BadInputCase, environment: [String: String], home: TemporaryDirectory) throws
        -> ProcessResult
    {
        let binary = try LPShellBinary.locate()
        switch row.mode {
        case .command:
            return try binary.run(
                row.arguments + ["-c", String(decoding: row.input, as: UTF8.self)], stdin: nil,
                environment: environment, directory: home.url, timeout: row.timeout)
        case .stdin:
            return try binary.run(
                row.arguments, stdin: row.input, environment: environment, directory: home.url, timeout: row.timeout)
        case .script:
            let script = home.url.appendingPathComponent("input.sh")
            try Data(row.input).write(to: script)
            return try binary.run(
                row.arguments + [script.path], stdin: nil, environment: environment, directory: home.url,
                timeout: row.timeout)
        case .terminal:
            let command = ([binary.path] + row.arguments).map(ShellQuote.quote).joined(separator: " ")
            let script = LPShellBinary(path: "/usr/bin/script")
            return try script.run(
                ["-qec", command, "/dev/null"], stdin: row.input, environment: environment, directory: home.url,
                timeout: row.timeout)
        }
    }

    private func matchAll(_ lines: [String], _ patterns: [String]) -> Bool {
        lines.count == patterns.count && zip(lines, patterns).allSatisfy(LinePattern.matches)
    }

    private func containsBlock(_ lines: [String], _ patterns: [String]) -> Bool {
        guard !patterns.isEmpty else { return true }
        guard lines.count >= patterns.count else { return false }
        return (0...(lines.count - patterns.count)).contains { start in
            zip(lines[start...], patterns).allSatisfy(LinePattern.matches)
        }
    }

    private func containsInOrder(_ lines: [String], _ patterns: [String]) -> Bool {
        var index = 0
        for line in lines where index < patterns.count && LinePattern.matches(line, patterns[index]) { index += 1 }
        return index == patterns.count
    }
}

/// Single quotes for sh.
enum ShellQuote {
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Checks on files after a row.
enum FileCheck {
    /// The file's text, or nil.
    static func text(_ path: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The file (relative to the home folder) contains every one of `needles`.
    static func contains(_ relative: String, _ needles: [String]) -> @Sendable (String) -> String? {
        { home in
            guard let text = text(home + "/" + relative) else { return "\(relative) is missing" }
            let missing = needles.filter { !text.contains($0) }
            return missing.isEmpty ? nil : "\(relative) lacks \(missing): \(text.prefix(500))"
        }
    }

    /// The file does not exist.
    static func absent(_ relative: String) -> @Sendable (String) -> String? {
        { home in FileManager.default.fileExists(atPath: home + "/" + relative) ? "\(relative) exists" : nil }
    }
}
