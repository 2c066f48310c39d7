import Foundation
import ShellTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Walks one page: the real sandbox (`lp-shell sandbox`) started for it, the page's lines pasted in order into the
/// real lp-shell — the consumer's lines into one, the agent's into a second one on the same sandbox — and each line
/// judged as the page file says (`ok`, or `explained` and then its corrected command `ok`).
final class PageWalker: @unchecked Sendable {
    // @unchecked: used by one test at a time, from one task.
    let slug: String
    private let root: TemporaryDirectory
    private var shells: [String: PastingShell] = [:]
    private var openSockets: Set<String> = []
    /// Seconds to wait for a line's answer (the shell's own waits for a placeholder's value are 10 s).
    static let patience = 20.0

    /// The sandbox's keys, made by the first page's sandbox and kept for the next walks (an RSA key per page would
    /// cost more than the page; a folder per run would be left behind).
    static let keys: String = FileManager.default.temporaryDirectory
        .appendingPathComponent("lp-shell-pagewalk-keys-\(getuid())").path

    /// The lines to walk instead of the page file's (the walk's own tests).
    private let givenLines: [WalkLine]?

    init(slug: String, lines: [WalkLine]? = nil) throws {
        self.slug = slug
        givenLines = lines
        root = try TemporaryDirectory(prefix: "pagewalk-")
        for folder in ["home", "cache", "data", "state", "config", "work"] {
            try FileManager.default.createDirectory(
                at: root.url.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
    }

    private var work: URL { root.url.appendingPathComponent("work") }

    /// A clean environment with private XDG folders (nothing of the user's: no LP_*, no CA bundle).
    private var baseEnvironment: [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": root.path + "/home",
            "TMPDIR": root.path, "XDG_CACHE_HOME": root.path + "/cache", "XDG_DATA_HOME": root.path + "/data",
            "XDG_STATE_HOME": root.path + "/state", "XDG_CONFIG_HOME": root.path + "/config", "NO_COLOR": "1",
            // Offline as in a classroom: a page's download from the internet (Publish Images' `wget`) goes to a
            // proxy that is not there and fails at once; the sandbox on loopback is reached directly.
            "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9", "no_proxy": "127.0.0.1,localhost",
        ]
    }

    /// Walks the page; one result per walked line, in order.
    func walk() async throws -> [(line: WalkLine, outcome: LineOutcome)] {
        let lines = try givenLines ?? PageCorpus.walkLines(slug)
        // The agent's page plays the agent itself: the sandbox's bot agent would take the ring first.
        let needsAgent = lines.contains { $0.side == "agent" }
        var arguments = needsAgent ? ["--no-bot"] : []
        arguments += ["--ca-dir", Self.keys]
        let sandbox = try StandaloneSandbox(arguments: arguments, environment: baseEnvironment, directory: work)
        defer {
            sandbox.stop()
            root.remove()
        }
        var environment = baseEnvironment.merging(sandbox.exports) { $1 }
        if environment["LP_ACCOUNT"] == nil { environment["LP_ACCOUNT"] = "sandbox" }

        var results: [(line: WalkLine, outcome: LineOutcome)] = []
        for line in lines {
            let shell = try shell(line.side, environment: environment)
            results.append((line, await judge(line, in: shell)))
        }
        for side in shells.keys.sorted() {
            _ = await shells[side]?.finish()
        }
        return results
    }

    private func shell(_ side: String, environment: [String: String]) throws -> PastingShell {
        if let shell = shells[side] { return shell }
        let shell = try PastingShell(environment: environment, directory: work)
        shells[side] = shell
        return shell
    }

    private func judge(_ line: WalkLine, in shell: PastingShell) async -> LineOutcome {
        if let pending = line.pending {
            // Not asserted; its corrected command keeps the page going.
            if let corrected = line.corrected {
                _ = await execute(corrected, kind: line.kind == .frame ? .frame : .shell, side: line.side, in: shell)
            }
            return .pending(pending)
        }
        if line.continues {
            shell.paste(line.text)
            return .passed
        }
        let execution = await execute(line.text, kind: line.kind, side: line.side, in: shell)
        guard line.expectsExplanation else {
            return execution.succeeded ? .passed : .failed(execution.reason)
        }
        guard let explanation = line.explanation, !execution.linesContaining(explanation).isEmpty else {
            return .failed(
                "expected a line explaining it (\((line.explanation ?? "").debugDescription)); printed: "
                    + execution.stderrTail)
        }
        if let corrected = line.corrected {
            let fixed = await execute(
                corrected, kind: line.kind == .frame ? .frame : .shell, side: line.side, in: shell)
            guard fixed.succeeded else { return .failed("its corrected command failed: \(fixed.reason)") }
        }
        return .passed
    }

    private func execute(_ text: String, kind: WalkLine.Kind, side: String, in shell: PastingShell) async -> Execution {
        switch kind {
        case .frame: return await sendFrame(text, side: side, in: shell)
        case .socketCommand: return await socketCommand(text, side: side, in: shell)
        case .shell:
            if text.trimmingCharacters(in: .whitespaces).hasPrefix("wscat ") {
                return await openSocket(text, side: side, in: shell)
            }
            return await shellLine(text, in: shell)
        }
    }

    /// A shell line, then a marker printing its status on both streams (so everything it printed is in).
    private func shellLine(_ text: String, in shell: PastingShell) async -> Execution {
        let marks = shell.marks
        shell.paste(text)
        shell.paste(#"echo "@@walk:$?"; echo "@@walk:err" >&2"#)
        let done = await shell.wait(since: marks, timeout: Self.patience) { out, err in
            out.contains("@@walk:") && err.contains("@@walk:err")
        }
        let (out, err) = shell.printed(since: marks)
        // The marker may follow output without a newline (`base64 --decode`, `curl -i`'s body).
        let cleanOut = out.replacingOccurrences(of: #"@@walk:[0-9]+\n?"#, with: "", options: .regularExpression)
        let cleanErr = err.replacingOccurrences(of: "@@walk:err\n", with: "")
        guard done, let marker = out.range(of: #"@@walk:[0-9]+"#, options: [.regularExpression, .backwards]) else {
            return Execution(
                succeeded: false,
                reason: "no end within \(Int(Self.patience)) s (an unfinished quote?); stderr: "
                    + cleanErr.split(separator: "\n").suffix(3).joined(separator: " | "), stdout: cleanOut,
                stderr: cleanErr)
        }
        let status = Int(out[marker].dropFirst(7)) ?? -1
        var execution = Execution(succeeded: status == 0, reason: "", stdout: cleanOut, stderr: cleanErr)
        if status != 0 { execution.reason = "exit status \(status); stderr: \(execution.stderrTail)" }
        return execution
    }

    /// A `wscat …` line: connected (the frames after it go to the socket) or not. Batch wscat prints nothing when
    /// it connects, so the walk asks it `/ids` (a slash command, answered on stderr once connected; run as a
    /// command, and failing, when the connection failed).
    private func openSocket(_ text: String, side: String, in shell: PastingShell) async -> Execution {
        let marks = shell.marks
        shell.paste(text)
        shell.paste("/ids")
        let settled = await shell.wait(since: marks, timeout: Self.patience) { _, err in
            err.contains("conversation:") || err.contains("error") || err.contains("/ids")
        }
        let (out, err) = shell.printed(since: marks)
        let connected = settled && err.contains("conversation:")
        if connected { openSockets.insert(side) }
        var execution = Execution(succeeded: connected, reason: "", stdout: out, stderr: err)
        if !connected { execution.reason = "the socket did not open: \(execution.stderrTail)" }
        return execution
    }

    /// A frame pasted into the open socket: it succeeds when its response's code is below 400. Batch wscat reads
    /// the next line before it shows what came meanwhile, so the walk follows each frame with
    /// `/wait-for "reqId":"ID"` (after the placeholders' notes, so that a frame not sent costs no wait).
    private func sendFrame(_ text: String, side: String, in shell: PastingShell) async -> Execution {
        guard openSockets.contains(side) else {
            return Execution(succeeded: false, reason: "no socket is open on the \(side) side", stdout: "", stderr: "")
        }
        let id = FrameResponses.requestID(of: text) ?? ""
        let marks = shell.marks
        shell.paste(text)
        if text.contains("__") || text.contains("<Base64Image>") {
            _ = await shell.wait(since: marks, timeout: Self.patience) { _, err in
                err.contains("not sent") || err.contains("replaced") || err.contains("disconnected")
            }
        }
        if !shell.printed(since: marks).stderr.contains("not sent") {
            shell.paste(#"/wait-for "reqId":"\#(id)""#)
            _ = await shell.wait(since: marks, timeout: 40) { out, err in
                !FrameResponses.codes(for: id, in: out).isEmpty || err.contains("/wait-for:")
                    || err.contains("disconnected")
            }
        }
        let (out, err) = shell.printed(since: marks)
        var execution = Execution(succeeded: false, reason: "", stdout: out, stderr: err)
        if err.contains("disconnected") { openSockets.remove(side) }
        guard let code = FrameResponses.codes(for: id, in: out).first else {
            execution.reason =
                err.contains("not sent")
                ? "not sent: \(execution.stderrTail)" : "no response to id \(id); stderr: \(execution.stderrTail)"
            return execution
        }
        execution.succeeded = code < 400
        if code >= 400 {
            let response = out.split(separator: "\n").first { $0.contains("\"reqId\":\"\(id)\"") } ?? ""
            execution.reason = "response \(code): \(response.prefix(300))"
        }
        return execution
    }

    /// A slash command the walk types into the socket (`/close`, `/wait-for TEXT`, `/publish TEXT`, …); the ones
    /// that send a request are followed by a `/wait-for` of a response, as frames are.
    private func socketCommand(_ text: String, side: String, in shell: PastingShell) async -> Execution {
        guard openSockets.contains(side) else {
            return Execution(succeeded: false, reason: "no socket is open on the \(side) side", stdout: "", stderr: "")
        }
        let marks = shell.marks
        shell.paste(text)
        let condition: (String, String) -> Bool
        if text == "/close" {
            condition = { _, err in err.contains("disconnected") }
        } else if text.hasPrefix("/wait-for ") || text.hasPrefix("/wait ") {
            // A `/wait-for` met by a frame shown earlier says nothing: `/ids` answers once it is over.
            shell.paste("/ids")
            condition = { _, err in err.contains("conversation:") }
        } else {
            shell.paste(#"/wait-for "kind":"resp""#)
            condition = { out, err in
                !FrameResponses.allCodes(in: out).isEmpty || err.contains("not sent") || err.contains("/wait-for:")
            }
        }
        let done = await shell.wait(since: marks, timeout: 40, until: condition)
        let (out, err) = shell.printed(since: marks)
        if text == "/close" || err.contains("disconnected") { openSockets.remove(side) }
        let codes = FrameResponses.allCodes(in: out)
        let succeeded =
            done && codes.allSatisfy { $0 < 400 } && !err.contains("/wait-for:") && !err.contains("not sent")
        var execution = Execution(succeeded: succeeded, reason: "", stdout: out, stderr: err)
        if !succeeded {
            execution.reason = done ? "it failed" : "\(text) did not finish"
            execution.reason += "; stderr: \(execution.stderrTail)"
        }
        return execution
    }
}
