import Foundation

/// The built `lp-shell` executable, run as a child process by the end-to-end and spec tests.
public struct LPShellBinary: Sendable {
    /// The executable's path.
    public var path: String

    /// Creates a handle for the executable at `path`.
    public init(path: String) {
        self.path = path
    }

    /// The package's root folder, found from this file's path at build time.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ShellTestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    /// The places tried in order when `LP_SHELL_BINARY` is not set.
    public static var candidatePaths: [String] {
        let build = packageRoot.appendingPathComponent(".build")
        var paths = [build.appendingPathComponent("debug/lp-shell").path]
        for triple in ["x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu"] {
            paths.append(build.appendingPathComponent("\(triple)/debug/lp-shell").path)
        }
        return paths
    }

    /// The binary named by `LP_SHELL_BINARY`, else the first candidate that exists.
    /// - Throws: `LPShellBinary.NotFound` listing where it looked.
    public static func locate() throws -> LPShellBinary {
        if let path = ProcessInfo.processInfo.environment["LP_SHELL_BINARY"], !path.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw NotFound(searched: [path])
            }
            return LPShellBinary(path: path)
        }
        let candidates = candidatePaths
        guard let path = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw NotFound(searched: candidates)
        }
        return LPShellBinary(path: path)
    }

    /// The executable could not be found.
    public struct NotFound: Error, CustomStringConvertible {
        /// The paths tried.
        public var searched: [String]

        public var description: String {
            "lp-shell binary not found (run `swift build` first, or set LP_SHELL_BINARY); tried "
                + searched.joined(separator: ", ")
        }
    }

    /// Runs the binary and waits for it.
    /// - Parameters:
    ///   - arguments: the arguments after the program name.
    ///   - stdin: bytes for standard input (nil: `/dev/null`).
    ///   - environment: the whole environment of the child (nil: inherit this process's).
    ///   - directory: the working directory (nil: inherit).
    ///   - timeout: seconds before the child is killed; the result then has `timedOut` set.
    public func run(
        _ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String]? = nil,
        directory: URL? = nil, timeout: Double = 20
    ) throws -> ProcessResult {
        try ChildProcess.run(
            executable: path, arguments: arguments, stdin: stdin, environment: environment, directory: directory,
            timeout: timeout)
    }

    /// Runs with a string as standard input.
    public func run(
        _ arguments: [String], input: String, environment: [String: String]? = nil, directory: URL? = nil,
        timeout: Double = 20
    ) throws -> ProcessResult {
        try run(arguments, stdin: Array(input.utf8), environment: environment, directory: directory, timeout: timeout)
    }
}

/// What a finished child process produced.
public struct ProcessResult: Sendable, CustomStringConvertible {
    /// Everything written to standard output.
    public var stdoutBytes: [UInt8]
    /// Everything written to standard error.
    public var stderrBytes: [UInt8]
    /// The exit status, or 128 + signal number when a signal ended it.
    public var status: Int32
    /// True when the child was killed after the timeout.
    public var timedOut: Bool

    /// Standard output decoded as UTF-8 (invalid bytes replaced).
    public var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
    /// Standard error decoded as UTF-8 (invalid bytes replaced).
    public var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }

    public var description: String {
        "status \(status)\(timedOut ? " (timed out)" : "")\nstdout: \(stdout.debugDescription)\n"
            + "stderr: \(stderr.debugDescription)"
    }
}

extension LPShellBinary {
    /// ``run(_:stdin:environment:directory:timeout:)`` from an async test, off Swift's cooperative pool (a test
    /// blocked there for seconds starves the async tests running beside it).
    public func runOffPool(
        _ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String]? = nil,
        directory: URL? = nil, timeout: Double = 20
    ) async throws -> ProcessResult {
        let binary = self
        return try await offThreadProcess {
            try binary.run(arguments, stdin: stdin, environment: environment, directory: directory, timeout: timeout)
        }
    }

    /// ``run(_:input:environment:directory:timeout:)`` off the cooperative pool.
    public func runOffPool(
        _ arguments: [String], input: String, environment: [String: String]? = nil, directory: URL? = nil,
        timeout: Double = 20
    ) async throws -> ProcessResult {
        try await runOffPool(
            arguments, stdin: Array(input.utf8), environment: environment, directory: directory, timeout: timeout)
    }
}
