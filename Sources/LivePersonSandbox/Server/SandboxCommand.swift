import Dispatch
import KeptThreads
import OptionParsing
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

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
        /// The sandbox could not start (keys not writable, `--data` directory unusable or its database damaged,
        /// port taken).
        public static let failure: Int32 = 1
        /// Bad arguments.
        public static let usage: Int32 = 2
    }

    /// Runs the command; blocks until a signal arrives.
    public static func run(arguments: [String]) -> Int32 {
        run(arguments: arguments, table: SandboxConfiguration.table, over: SandboxConfiguration()) {
            emit($0, configuration: $1, startup: $2)
        }
    }

    /// Parses `arguments` with `table` over `initial`, starts the sandbox, lets `announce` print what it says at
    /// start, and blocks until SIGINT or SIGTERM (then stops it).
    static func run(
        arguments: [String], table: OptionTable, over initial: SandboxConfiguration,
        announce: @escaping @Sendable (RunningSandbox, SandboxConfiguration, Duration) async -> Void
    ) -> Int32 {
        let configuration: SandboxConfiguration
        do {
            configuration = try SandboxConfiguration.parse(arguments: arguments, table: table, over: initial)
        } catch {
            printError(String(table.message(for: error).dropLast()))
            return Status.usage
        }
        let name = table.command
        if configuration.showHelp {
            print(configuration.classroom == nil ? SandboxConfiguration.helpText : SandboxConfiguration.classHelpText)
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
                await announce(sandbox, configuration, elapsed)
                await signals.wait()
                printError("\(name): stopping")
                await sandbox.stop()
            } catch {
                printError("\(name): \(error)")
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
        var quoted = "'"
        for scalar in text.unicodeScalars {
            if scalar == "'" { quoted += #"'\''"# } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "'"
    }

    /// A warning for a bind other than loopback, then the wildcard note: shared by `sandbox` and `class`.
    static func warnAboutExposure(_ sandbox: RunningSandbox, configuration: SandboxConfiguration, command: String) {
        if !configuration.isLoopback {
            printError(
                "\(command): warning: listening on \(configuration.host), not loopback: anyone who can reach it can use it"
            )
        }
        // A class's certificate names the machine's addresses and its join line names the one learners use.
        if configuration.classroom == nil, let note = wildcardNote(host: configuration.host, port: sandbox.port) {
            printError(note)
        }
    }

    static func milliseconds(_ duration: Duration) -> String {
        PrintfNumber.string(
            "%.0f", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000)
    }

    static func emit(_ sandbox: RunningSandbox, configuration: SandboxConfiguration, startup: Duration) {
        warnAboutExposure(sandbox, configuration: configuration, command: "lp-shell sandbox")
        printError(
            """
            lp-shell sandbox: listening on https://\(sandbox.hostPort) and wss://\(sandbox.hostPort) \
            (started in \(milliseconds(startup)) ms)
              account \(sandbox.account) (any other id works too), unauthenticated connector \(sandbox.connectorID)
              CA certificate \(sandbox.caCertificatePath)
              paste the export lines below into bash; Ctrl-C stops the sandbox
            """)
        StandardStream.output(exportLines(sandbox.exports).joined(separator: "\n") + "\n")
    }

    /// For a wildcard bind: which address the export lines name and why, and where other machines reach it.
    static func wildcardNote(host: String, port: Int, addresses: [String] = InterfaceAddresses.list()) -> String? {
        guard AdvertisedAddress.isWildcard(host) else { return nil }
        let local = AdvertisedAddress.format(host: host, port: port)
        var note =
            "lp-shell sandbox: note: the export lines name \(local), which works on this machine and is in the "
            + "certificate"
        let others = addresses.map { AdvertisedAddress.format(host: $0, port: port) }
        if !others.isEmpty {
            note +=
                "; other machines reach it at \(others.joined(separator: ", ")), which the certificate does not name "
                + "(curl -k, wscat -n)"
        }
        return note
    }

    static func printError(_ text: String) {
        StandardStream.error(text + "\n")
    }
}

/// The write end of the pipe the signal handler writes to (only async-signal-safe calls in the handler).
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// Waits for SIGINT or SIGTERM: a handler (installed even when the shell started us with the signal ignored) writes
/// the signal number to a pipe that a waiting thread reads.
final class SignalWaiter: Sendable {
    private let readEnd: Int32
    private let signals: [Int32]

    init(signals: [Int32]) {
        self.signals = signals
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        readEnd = fds[0]
        signalPipeWriteEnd = fds[1]
        for number in signals {
            var action = sigaction()
            #if canImport(Glibc)
                action.__sigaction_handler.sa_handler = { number in
                    var byte = UInt8(truncatingIfNeeded: number)
                    _ = write(signalPipeWriteEnd, &byte, 1)
                }
            #else
                action.__sigaction_u.__sa_handler = { number in
                    var byte = UInt8(truncatingIfNeeded: number)
                    _ = write(signalPipeWriteEnd, &byte, 1)
                }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
        // A parent that spawned us from a thread with these signals blocked (libdispatch's threads block them)
        // leaves them blocked here too: unblock them, or SIGTERM would never reach the handler.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for number in signals {
            sigaddset(&unblocked, number)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    }

    /// Returns once one of the signals has arrived, and restores their default actions.
    func wait() async {
        let readEnd = self.readEnd
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let reader: @Sendable () -> Void = {
                var byte: UInt8 = 0
                while read(readEnd, &byte, 1) < 0 && errno == EINTR {}
                continuation.resume()
            }
            if !KeptThreads.run(stackSize: 64 * 1024, reader) {
                DispatchQueue.global().async(execute: reader)
            }
        }
        for number in signals {
            signal(number, SIG_DFL)
        }
    }
}
