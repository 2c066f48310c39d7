import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `lp-shell sandbox --port 0 …` run as a real child process of a test (the built binary), as another tool would
/// run it: its export lines parsed, its output drained on a thread of its own, stoppable with SIGTERM or SIGKILL.
public final class StandaloneSandbox: @unchecked Sendable {
    // @unchecked: everything is set in init; the collected output is locked inside `Collected`.
    public let pid: pid_t
    /// The `export NAME='value'` lines it printed (LP_CSDS, LP_IDP, …, SSL_CERT_FILE, NODE_EXTRA_CA_CERTS).
    public let exports: [String: String]
    private let output: ChildProcess.Collected
    private let errors: ChildProcess.Collected
    private var reaped = false
    /// Its exit status once stopped or killed (128 + N after signal N).
    public private(set) var exitStatus: Int32?
    private let lock = NSLock()

    /// Why the sandbox did not start: what it printed.
    public struct StartFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts `lp-shell sandbox --port 0 ARGUMENTS` (or `lp-shell class …` when `command` is `class`) and waits up
    /// to `timeout` seconds for its export lines (a class's join line and dashboard URL, read into ``exports`` as
    /// `LP_CSDS`, `CLASS_CODE`, `CLASS_KEY` and `CLASS_JOIN_LINE`).
    public init(
        arguments: [String], command: String = "sandbox", environment: [String: String]? = nil,
        directory: URL? = nil, timeout: Double = 30
    ) throws {
        let binary = try LPShellBinary.locate()
        let child = try ChildProcess.spawn(
            executable: binary.path, arguments: [command, "--port", "0"] + arguments, environment: environment,
            directory: directory, feedsStdin: false)
        pid = child.pid
        output = ChildProcess.Collected()
        errors = ChildProcess.Collected()
        let readers = DispatchGroup()
        ChildProcess.drain(child.stdout, into: output, group: readers)
        ChildProcess.drain(child.stderr, into: errors, group: readers)
        let deadline = Date().addingTimeInterval(timeout)
        var text = ""
        while Date() < deadline {
            text = String(decoding: output.bytes, as: UTF8.self)
            // NODE_EXTRA_CA_CERTS is the last export line; a class prints its dashboard last.
            let last = command == "class" ? "dashboard: " : "export NODE_EXTRA_CA_CERTS="
            if text.contains(last) && text.hasSuffix("\n") { break }
            if waitpid(pid, nil, WNOHANG) == pid {
                reaped = true
                break
            }
            usleep(10_000)
        }
        exports = command == "class" ? Self.parseClassLines(text) : Self.parseExports(text)
        guard exports["LP_CSDS"] != nil, !reaped else {
            let errorText = String(decoding: errors.bytes, as: UTF8.self)
            stop()
            throw StartFailure(description: "lp-shell sandbox did not start: \(errorText)\(text)")
        }
    }

    /// `127.0.0.1:PORT`.
    public var hostPort: String { exports["LP_CSDS"] ?? "" }
    /// The port.
    public var port: String { String(hostPort.split(separator: ":").last ?? "") }
    /// What it wrote to stderr so far.
    public var errorOutput: String { String(decoding: errors.bytes, as: UTF8.self) }

    /// `export NAME='value'` lines (values without `'`, as the sandbox prints them).
    public static func parseExports(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("export ") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = String(line[line.index(line.startIndex, offsetBy: 7)..<equals])
            result[name] = String(line[line.index(after: equals)...]).trimmingCharacters(in: ["'"])
        }
        return result
    }

    /// `join line: lp-shell --join https://HOST:PORT/#CODE.FPR` and `dashboard: https://HOST:PORT/class/#key=KEY`.
    public static func parseClassLines(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            if line.hasPrefix("join line: ") {
                let joinLine = String(line.dropFirst("join line: ".count))
                result["CLASS_JOIN_LINE"] = joinLine
                if let url = joinLine.split(separator: " ").last, let hash = url.firstIndex(of: "#") {
                    result["LP_CSDS"] = String(url[..<hash].dropFirst("https://".count).dropLast())
                    result["CLASS_CODE"] = String(url[url.index(after: hash)...].prefix { $0 != "." })
                }
            } else if line.hasPrefix("dashboard: "), let key = line.split(separator: "=").last {
                result["CLASS_KEY"] = String(key)
            }
        }
        return result
    }

    /// Kills it with SIGKILL (no chance to flush or close anything) and reaps it.
    public func killHard() {
        end(first: SIGKILL)
    }

    /// Stops it with SIGTERM; SIGKILL if it is still running 10 seconds later.
    public func stop() {
        end(first: SIGTERM)
    }

    private func end(first signal: Int32) {
        lock.lock()
        defer { lock.unlock() }
        guard !reaped else { return }
        kill(pid, signal)
        exitStatus = ChildProcess.reap(pid, timeout: signal == SIGKILL ? 5 : 10).0
        reaped = true
    }

    deinit { stop() }
}
