import HTTPTransfer
import JSONQuery
import LivePersonAPI
import LivePersonSandbox
import LivePersonSession
import Logging
import OptionParsing
import ShellBuiltins
import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// What the docker image's start-up did, natively: with `LP_ACCOUNT`, look up the account's services through
/// CSDS (cached for 24 h) and export `LP_<SERVICE>`; without it (or with `--sandbox`), start the embedded sandbox
/// and export its account, connector and hosts. Failures are one line; the shell always starts.
struct LivePersonStartup {
    let interpreter: Interpreter
    let io: IOStreams
    let renderer: DiagnosticRenderer

    /// Where the session's services come from.
    enum Mode: Equatable {
        case sandbox(port: Int)
        /// A class sandbox joined with `--join`: its address, the learner's name and account, the class's name.
        case classroom(address: String, learner: String, account: String, className: String?)
        /// A real account, and whether its service hosts are set.
        case account(String, Hosts)
        /// `--offline`: only cached hosts (`.missing` when none were cached).
        case offline(Hosts)
        case none
    }

    /// Where the `LP_<SERVICE>` hosts of a real account came from.
    enum Hosts: Equatable {
        /// CSDS's answer, or the cache of one from the last day.
        case found
        /// The lookup failed; the hosts cached earlier (older than a day) are used.
        case stale
        /// The lookup failed and nothing was cached: they are not set.
        case missing
    }

    /// Chooses and performs the start-up; returns the mode for the banner.
    /// `launch` is the sandbox started early, made when `SandboxLaunch.isNeeded` said so (nil otherwise). With
    /// `finishLater`, a sandbox whose port is already known is not waited for: its variables are set now and
    /// ``finishSandboxStart(_:state:)`` must run before the first command (the prompt need not wait for the server).
    func start(options: CommandLineOptions, state: inout ShellState, launch: SandboxLaunch?, finishLater: Bool = false)
        -> Mode
    {
        defer { aliasConnectorID(&state) }
        let account = state.variables["LP_ACCOUNT"] ?? ""
        if options.forceSandbox || account.isEmpty {
            guard let launch else { return .none }
            if finishLater, let port = launch.plannedPort {
                exportSandbox(launch.plannedExports, state: &state)
                return .sandbox(port: port)
            }
            return startSandbox(launch, state: &state)
        }
        return resolveServices(account: account, offline: options.offline, state: &state)
    }

    // MARK: Sandbox

    /// The embedded sandbox, starting in the background from the moment it is made (lp-shell makes it first thing
    /// when it knows the sandbox is needed, and prepares the prompt meanwhile), or the configuration error.
    struct SandboxLaunch {
        let work: Result<BackgroundWork<RunningSandbox>, UsageError>
        /// The port held for the sandbox before it started: nil when none could be held or the options were wrong,
        /// and then the sandbox is waited for (or its error shown) before the prompt.
        let plannedPort: Int?
        /// The variables the sandbox will export, known from ``plannedPort``.
        let plannedExports: [(name: String, value: String)]

        /// Whether `lp-shell` with these options and this environment will start the embedded sandbox.
        /// `usesLivePerson`: whether the `-c` command or script names LivePerson commands (true at a prompt).
        static func isNeeded(options: CommandLineOptions, environment: [String: String], usesLivePerson: Bool)
            -> Bool
        {
            guard !options.parseOnly, !options.plain, options.join == nil else { return false }
            guard options.forceSandbox || (environment["LP_ACCOUNT"] ?? "").isEmpty else { return false }
            return usesLivePerson
        }

        /// Starts the sandbox if it was made with `startingNow: false` and has not started yet.
        func start() {
            if case .success(let work) = work { work.start() }
        }

        /// `startingNow: false` holds the port but starts the server only at ``start()`` or when it is waited for.
        init(arguments: [String], startingNow: Bool = true) {
            var configuration: SandboxConfiguration
            do {
                configuration = try SandboxConfiguration.parse(arguments: arguments)
            } catch {
                work = .failure(error)
                plannedPort = nil
                plannedExports = []
                return
            }
            configuration.host = "127.0.0.1"
            let reservation = PortReservation.hold(host: configuration.host)
            configuration.port = reservation?.port ?? 0
            plannedPort = reservation?.port
            plannedExports = reservation == nil ? [] : RunningSandbox.plannedExports(for: configuration)
            // Inside the shell the sandbox stays quiet: a server library's log line (a client that hung up during
            // an upgrade) would land in the middle of the user's prompt. `LOG_LEVEL` brings the logs back, and
            // `lp-shell sandbox` run alone logs as before.
            var quiet: Logger?
            if getenv("LOG_LEVEL") == nil {
                quiet = Logger(label: "lp-sandbox")
                quiet?.logLevel = .critical
            }
            let logger = quiet
            let finalConfiguration = configuration
            work = .success(
                BackgroundWork(startingNow: startingNow) {
                    defer { reservation?.release() }
                    return try await RunningSandbox.start(finalConfiguration, logger: logger)
                })
        }
    }

    /// Waits for a sandbox that ``start(options:state:launch:finishLater:)`` did not wait for. When it could not
    /// start, says why and takes back the variables that pointed at it; when it exports something other than was
    /// planned, sets what it exports.
    func finishSandboxStart(_ launch: SandboxLaunch, state: inout ShellState) {
        guard let started = waitForSandbox(launch) else {
            io.flush()
            for (name, _) in launch.plannedExports + [("LP_SANDBOX", "1")] where state.derivedVariables.contains(name) {
                try? state.variables.unset(name)
                state.derivedVariables.remove(name)
            }
            return
        }
        if !launch.plannedExports.elementsEqual(started.exports, by: ==) {
            exportSandbox(started.exports, state: &state)
        }
    }

    private func startSandbox(_ launch: SandboxLaunch, state: inout ShellState) -> Mode {
        guard let started = waitForSandbox(launch) else { return .none }
        exportSandbox(started.exports, state: &state)
        return .sandbox(port: started.port)
    }

    /// The started sandbox, kept for the life of the process; nil after saying why it could not start.
    private func waitForSandbox(_ launch: SandboxLaunch) -> RunningSandbox? {
        switch launch.work {
        case .failure(let error):
            // `lp-shell: sandbox: --ext-token-ttl: not a duration: …` (the table words it for `lp-shell sandbox`).
            let message = SandboxConfiguration.table.message(for: error).dropLast()
            io.stderr.write(renderer.render(message: "sandbox: \(message.trimmingPrefix("lp-shell sandbox: "))"))
            return nil
        case .success(let work):
            do {
                let started = try work.wait()
                SandboxHolder.keep(started)
                return started
            } catch {
                io.stderr.write(renderer.render(message: "could not start the embedded sandbox: \(error)"))
                return nil
            }
        }
    }

    /// Sets the sandbox's variables (exported, marked as derived) and says where they override the user's.
    /// `host` is the sandbox's (or the class's) address, added to `no_proxy` so that a proxy does not catch it.
    func exportSandbox(_ exports: [(name: String, value: String)], state: inout ShellState, host: String = "127.0.0.1")
    {
        for (name, value) in exports {
            if let mine = state.variables[name], !mine.isEmpty, mine != value, !state.derivedVariables.contains(name),
                name == "LP_ACCOUNT" || name == "LP_CONN_ID" || name == "LP_APP_CONN_ID"
            {
                io.stderr.write(
                    renderer.render(
                        note:
                            "sandbox mode: \(name) is the sandbox's \(value), not \(mine) (the sandbox knows only its own)"
                    ))
            }
            try? state.variables.set(name, to: value, exported: true)
            state.derivedVariables.insert(name)
        }
        try? state.variables.set("LP_SANDBOX", to: "1", exported: true)
        state.derivedVariables.insert("LP_SANDBOX")
        if let exceptions = ProxyExemption.adding(host, to: state.variables.exportedEnvironment) {
            for (name, value) in exceptions { try? state.variables.set(name, to: value, exported: true) }
            io.stderr.write(
                renderer.render(
                    note: "sandbox mode: \(host) added to no_proxy and NO_PROXY, so that your proxy settings do not "
                        + "catch the sandbox's requests"))
        }
    }

    // MARK: CSDS

    private func resolveServices(account: String, offline: Bool, state: inout ShellState) -> Mode {
        let csds = state.variables["LP_CSDS"].flatMap { $0.isEmpty ? nil : $0 } ?? CSDSCache.defaultHost
        let cache = CSDSCache(environment: state.variables.exportedEnvironment, account: account, host: csds)
        if let cached = cache.read(maximumAge: offline ? nil : 86_400) {
            export(cached, state: &state)
            return offline ? .offline(.found) : .account(account, .found)
        }
        if offline {
            io.stderr.write(
                renderer.render(
                    warning: "--offline and no cached services for account \(account): "
                        + "LP_IDP, LP_ASYNCMESSAGINGENT and the other service hosts are not set"))
            state.shownNotes.insert(SessionAdvisor.lookupFailedKey)
            return .offline(.missing)
        }
        let url = "https://\(csds)/api/account/\(account)/service/baseURI.json?version=1.0"
        let spinner = Spinner(
            message: "looking up the services of account \(account) at \(csds)", enabled: isatty(2) == 1)
        let (body, status, errorText) = fetch(url, state: state)
        spinner.stop()
        guard status.isSuccess, let services = CSDSCache.parse(body), !services.isEmpty else {
            let reason = errorText.isEmpty ? "no services in the answer" : errorText
            io.stderr.write(
                renderer.render(
                    message: "CSDS lookup for account \(account) failed (\(reason)); LP_IDP, LP_ASYNCMESSAGINGENT and "
                        + "the other service hosts are not set. Check LP_ACCOUNT, or use --sandbox to work offline"))
            state.shownNotes.insert(SessionAdvisor.lookupFailedKey)
            if let stale = cache.read(maximumAge: nil) {
                io.stderr.write(renderer.render(warning: "using the services cached earlier for \(account)"))
                export(stale, state: &state)
                return .account(account, .stale)
            }
            return .account(account, .missing)
        }
        cache.write(body)
        export(services, state: &state)
        return .account(account, .found)
    }

    /// Fetches the CSDS answer with the HTTP client curl uses (same TLS trust, proxies and error messages as the
    /// user's own `curl -sS --fail -m 10`); the error is curl's line (`curl: (7) Failed to connect …`).
    private func fetch(_ url: String, state: ShellState) -> (body: [UInt8], status: ExitStatus, error: String) {
        let environment = state.variables.exportedEnvironment
        let trust = TrustStore(insecure: false, caCertificatePath: nil, environment: environment)
        let request = HTTPFetch.Request(url: url, trust: trust, environment: environment, maximumSeconds: 10)
        switch HTTPFetch.get(request) {
        case .body(let bytes): return (bytes, .success, "")
        case .failed(let error): return ([], error.status, "curl: (\(error.code)) \(error.message)")
        case .interrupted: return ([], .interrupted, "interrupted")
        }
    }

    private func export(_ services: [(String, String)], state: inout ShellState) {
        for (service, host) in services {
            let name = "LP_" + service.uppercased()
            try? state.variables.set(name, to: host, exported: true)
            state.derivedVariables.insert(name)
        }
    }

    /// `LP_CONN_ID` is also exported as `LP_APP_CONN_ID` (the unauthenticated tutorial reads that name).
    private func aliasConnectorID(_ state: inout ShellState) {
        guard let connector = state.variables["LP_CONN_ID"], !connector.isEmpty,
            state.variables["LP_APP_CONN_ID"] == nil
        else { return }
        try? state.variables.set("LP_APP_CONN_ID", to: connector, exported: true)
        state.derivedVariables.insert("LP_APP_CONN_ID")
    }
}

/// Keeps the embedded sandbox alive for the life of the process.
enum SandboxHolder {
    nonisolated(unsafe) private static var running: RunningSandbox?

    static func keep(_ sandbox: RunningSandbox) {
        running = sandbox
    }
}
