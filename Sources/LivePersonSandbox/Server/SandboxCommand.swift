import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `lp-shell sandbox …`: runs the sandbox in the foreground, prints the export lines to stdout and a short banner
/// to stderr, and stops cleanly on SIGINT or SIGTERM.
public enum SandboxCommand {
    /// Exit statuses of `lp-shell sandbox`.
    public enum Status {
        public static let success: Int32 = 0
        /// The sandbox could not start (keys not writable, port taken).
        public static let failure: Int32 = 1
        /// Bad arguments.
        public static let usage: Int32 = 2
    }

    /// Runs the command; blocks until a signal arrives.
    public static func run(arguments: [String]) -> Int32 {
        let configuration: SandboxConfiguration
        do {
            configuration = try SandboxConfiguration.parse(arguments: arguments)
        } catch {
            printError("\(error)")
            return Status.usage
        }
        if configuration.showHelp {
            print(SandboxConfiguration.helpText)
            return Status.success
        }
        let result = Mutex<Int32>(Status.success)
        let done = DispatchSemaphore(value: 0)
        let signals = SignalWaiter(signals: [SIGINT, SIGTERM])
        Task {
            defer { done.signal() }
            do {
                let started = ContinuousClock.now
                let sandbox = try await RunningSandbox.start(configuration)
                let elapsed = ContinuousClock.now - started
                emit(sandbox, configuration: configuration, startup: elapsed)
                await signals.wait()
                printError("lp-shell sandbox: stopping")
                await sandbox.stop()
            } catch {
                printError("lp-shell sandbox: \(error)")
                result.withLock { $0 = Status.failure }
            }
        }
        done.wait()
        return result.withLock { $0 }
    }

    /// The export lines, ready to paste into bash: `export NAME='value'`.
    public static func exportLines(_ exports: [(name: String, value: String)]) -> [String] {
        exports.map { "export \($0.name)=" + shellQuoted($0.value) }
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    static func emit(_ sandbox: RunningSandbox, configuration: SandboxConfiguration, startup: Duration) {
        if !configuration.isLoopback {
            printError(
                "lp-shell sandbox: warning: listening on \(configuration.host), not loopback: anyone who can reach it can use it")
        }
        let milliseconds = Double(startup.components.attoseconds) / 1e15 + Double(startup.components.seconds) * 1000
        printError(
            """
            lp-shell sandbox: listening on https://\(sandbox.hostPort) and wss://\(sandbox.hostPort) \
            (started in \(String(format: "%.0f", milliseconds)) ms)
              account \(sandbox.account) (any other id works too), unauthenticated connector \(sandbox.connectorID)
              CA certificate \(sandbox.caCertificatePath)
              paste the export lines below into bash; Ctrl-C stops the sandbox
            """)
        FileHandle.standardOutput.write(Data((exportLines(sandbox.exports).joined(separator: "\n") + "\n").utf8))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// Waits for one of a set of signals without installing process-wide handlers beyond ignoring their default action
/// while it waits.
final class SignalWaiter: Sendable {
    private let sources: Mutex<[any DispatchSourceSignal]>
    private let fired = DispatchSemaphore(value: 0)
    private let signals: [Int32]

    init(signals: [Int32]) {
        self.signals = signals
        var made: [any DispatchSourceSignal] = []
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            made.append(source)
        }
        sources = Mutex(made)
        let semaphore = fired
        sources.withLock { list in
            for source in list {
                source.setEventHandler { semaphore.signal() }
                source.resume()
            }
        }
    }

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                self.fired.wait()
                continuation.resume()
            }
        }
        sources.withLock { list in
            for source in list { source.cancel() }
        }
        for number in signals {
            signal(number, SIG_DFL)
        }
    }
}
