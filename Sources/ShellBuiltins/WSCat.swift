import Base64Codec
import HTTPTransfer
import NIOCore
import NIOSSL
import OptionParsing
import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// `wscat [options] (-c URL | URL)`: a WebSocket client that accepts the tutorials' wscat2 command line verbatim.
///
/// At a terminal it is an interactive socket mode (readline prompt, frames printed above the line being typed,
/// slash commands); otherwise the following lines of the script or input are sent as frames (batch mode).
/// `Dialect` is what it knows of the protocol on the socket. The builtins that run it are `PlainWSCat` (the standard
/// builtins') and `MessagingWSCat` (LivePerson's messaging protocol, in the shell lp-shell composes).
package struct WSCat<Dialect: WSCatDialect> {
    package init() {}

    package func run(_ context: inout CommandContext) -> ExitStatus {
        let options: WSCatOptions
        do {
            options = try WSCatOptions.parse(context.arguments)
        } catch {
            context.io.stderr.writeDiagnostic(WSCatOptions.table.message(for: error))
            return .usage
        }
        if options.showHelp {
            context.io.stdout.write(WSCatUsage.text + "\n")
            return .success
        }
        let request: WSCatSession.Request
        do {
            request = try Self.request(options, context: context)
        } catch {
            context.error(error.description)
            return .usage
        }
        let state = context.state
        if let id = state.backgroundJobID, let number = state.backgroundJobNumber, options.execute.isEmpty,
            context.io.stdin.fileDescriptor == 0
        {
            // `wscat … &`: the socket is a job of its own (see `SocketJob`); with its frames redirected in
            // (`wscat … < frames &`, `-x`) it stays a batch command.
            let runner = WSCatRunner(
                options: options, request: request,
                formatter: FrameFormatter(
                    interactive: false, color: false, raw: options.raw, timestamps: options.timestamps),
                dialect: Dialect(variable: { state.variables[$0] })
            ) { _, _ in }
            runner.share(state.backgroundJobs.published, from: state.publishedVersion)
            let terminal = state.isInteractive ? context.shell.terminal : nil
            let job = SocketJob(
                runner: runner, terminal: terminal, io: context.io, historyFile: Self.historyFile(context.environment))
            state.backgroundJobs.attach(job, to: id)
            let status = job.runInBackground(number: number, connect: true)
            keep(runner, in: &context)
            return status
        }
        let interactive =
            options.execute.isEmpty && context.state.isInteractive && context.io.stdin.fileDescriptor == 0
            && context.io.stdin.isTerminal && context.shell.terminal != nil
        // Captures are shared while other sockets are open in the background (a socket alone needs no sharing,
        // and a 10,000-frame batch does not pay for it); `/bg` starts sharing.
        let sharesWithOtherSockets = state.backgroundJobs.entries.contains { $0.running && $0.control != nil }
        let status: ExitStatus
        let runner: WSCatRunner<Dialect>
        let dialect = Dialect(variable: { state.variables[$0] })
        if interactive, let terminal = context.shell.terminal {
            let color =
                !options.noColor
                && TerminalStyle(isTerminal: context.io.stdout.isTerminal, environment: context.environment).usesColor
            let formatter = FrameFormatter(
                interactive: true, color: color, raw: options.raw, timestamps: options.timestamps)
            runner = WSCatRunner(options: options, request: request, formatter: formatter, dialect: dialect) {
                text, isFrame in terminal.printAbovePrompt(isFrame ? text : DiagnosticRenderer.masked(text))
            }
            if sharesWithOtherSockets { runner.share(state.backgroundJobs.published, from: state.publishedVersion) }
            context.io.flush()
            let shell = context.shell
            status = InteractiveSession.run(
                runner, terminal: terminal, historyFile: Self.historyFile(context.environment),
                initialLines: { shell.readScriptLine() })
        } else {
            let formatter = FrameFormatter(
                interactive: false, color: false, raw: options.raw, timestamps: options.timestamps)
            let io = context.io
            runner = WSCatRunner(options: options, request: request, formatter: formatter, dialect: dialect) {
                text, isFrame in
                if isFrame {
                    io.stdout.write(text)
                } else {
                    io.stderr.writeDiagnostic(text)
                    io.stderr.flush()
                }
            }
            // Received frames reach a pipe (`| tee`, a page pasted by a program) as they come, as wscat prints
            // them, not when the socket closes: one flush per batch of events, not per frame (10,000 answers).
            runner.afterEvents = { io.stdout.flush() }
            if sharesWithOtherSockets { runner.share(state.backgroundJobs.published, from: state.publishedVersion) }
            var input = BatchInput(context)
            status = BatchSession.run(runner, input: &input)
            io.flush()
        }
        if let handoff = runner.handoff, runner.isOpen {
            return moveToBackground(runner, handoff: handoff, interactive: interactive, context: &context)
        }
        keep(runner, in: &context)
        return status
    }

    /// Sets the shell variables the socket captured and records the failed responses for `step`.
    func keep(_ runner: WSCatRunner<Dialect>, in context: inout CommandContext) {
        for (name, value) in runner.dialect.variablesToKeep where context.state.variables[name] != value {
            if value.isEmpty {
                try? context.state.variables.unset(name)
            } else {
                try? context.state.variables.set(name, to: value)
            }
        }
        context.state.publishedVersion = max(context.state.publishedVersion, runner.sharedVersion)
        context.state.wscatFailedResponses += runner.failedResponses
    }

    /// `/bg` or `/as …` in a foreground wscat: the open socket becomes a background job (as Ctrl-Z makes a job
    /// of a foreground command in bash), and `/as` brings the socket it names forward.
    func moveToBackground(
        _ runner: WSCatRunner<Dialect>, handoff: JobForegroundResult, interactive: Bool,
        context: inout CommandContext
    ) -> ExitStatus {
        let job = SocketJob(
            runner: runner, terminal: interactive ? context.shell.terminal : nil, io: context.io,
            historyFile: Self.historyFile(context.environment))
        let command = SecretMasking.mask((["wscat"] + context.arguments).joined(separator: " "))
        let jobs = context.state.backgroundJobs
        if runner.shared == nil { runner.share(jobs.published, from: context.state.publishedVersion) }
        let id = jobs.start(command: command) { _, number in job.runInBackground(number: number, connect: false) }
        jobs.attach(job, to: id)
        context.state.lastBackgroundJob = id
        keep(runner, in: &context)
        if case .switchTo(let target) = handoff {
            return ForegroundJob.run(target, context: &context)
        }
        return .success
    }

    /// `$XDG_STATE_HOME/lp-shell/wscat_history` (default `~/.local/state/lp-shell/wscat_history`).
    static func historyFile(_ environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/lp-shell/wscat_history" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/lp-shell/wscat_history"
    }

    /// A mistake in options that are checked against the environment (the URL, the CA file).
    struct RequestError: Error, CustomStringConvertible {
        var description: String
    }

    /// The connection request: URL, headers (with `--auth`, `-o`, `-s`) and TLS settings.
    static func request(_ options: WSCatOptions, context: CommandContext) throws(RequestError) -> WSCatSession.Request {
        guard let url = WebSocketURL(options.url) else {
            throw RequestError(description: "'\(options.url)': not a valid WebSocket URL (bad port?)")
        }
        var headers = options.headers.map { (name: $0.name, value: $0.value) }
        if let origin = options.origin { headers.append(("Origin", origin)) }
        if !options.subprotocols.isEmpty {
            headers.append(("Sec-WebSocket-Protocol", options.subprotocols.joined(separator: ", ")))
        }
        if let auth = options.auth {
            headers.append(("Authorization", "Basic " + Base64Coding.encode(Array(auth.utf8))))
        }
        var tls: TLSConfiguration?
        if url.secure {
            var configuration = TLSConfiguration.makeClientConfiguration()
            if options.noCheck {
                configuration.certificateVerification = .none
            } else if let ca = options.caFile {
                let path = context.resolvePath(ca)
                guard access(path, R_OK) == 0 else {
                    throw RequestError(description: "--ca \(ca): cannot read the file")
                }
                configuration.trustRoots = .file(path)
            } else if let bundle = context.environment["SSL_CERT_FILE"], !bundle.isEmpty,
                access(context.resolvePath(bundle), R_OK) == 0
            {
                // As OpenSSL reads SSL_CERT_FILE, and as curl's transfers do: the system's hashed directory, looked
                // up on demand, plus the file's certificates it lacks. Parsing the sandbox's whole bundle (the
                // system's ~140 roots and its CA) was 15 % of the seed tutorial's CPU.
                let trust = TrustStore(
                    insecure: false, caCertificatePath: context.resolvePath(bundle), environment: [:])
                do {
                    configuration = try trust.tlsConfiguration()
                } catch {
                    throw RequestError(description: "SSL_CERT_FILE \(bundle): no PEM certificate in it")
                }
            }
            // The WebSocket close handshake is over by the time TLS shuts down; waiting NIOSSL's default 5 s for
            // a close_notify that some servers (the sandbox's NIOSSL among them, about one close in five) never
            // send made `/close` hang.
            configuration.shutdownTimeout = .milliseconds(250)
            tls = configuration
        }
        let proxy: CurlProxy?
        do {
            proxy = try CurlProxy.resolve(
                host: url.host, secure: url.secure, given: options.proxy, noProxy: nil, user: nil,
                environment: context.environment)
        } catch {
            throw RequestError(description: "--proxy: \(error.message)")
        }
        return WSCatSession.Request(
            url: url, headers: headers, tls: tls, keepalive: options.keepalive, proxy: proxy)
    }
}

/// The standard builtins' wscat, which knows no protocol (`WSCat<PlainWebSocket>`).
///
/// The registries list plain types like this one rather than `WSCat<Dialect>` itself: a generic type in a table of
/// `any Builtin.Type` is instantiated from its mangled name when the table is built, and checking its
/// `Dialect: WSCatDialect` requirement scans every protocol conformance in the binary (0.4 M instructions at each
/// start, `lp-shell -c true` included).
package struct PlainWSCat: Builtin {
    package static var name: String { "wscat" }
    package static var summary: String { WSCatUsage.summary }
    package static var usage: String { WSCatUsage.text }

    package init() {}

    package func run(_ context: inout CommandContext) -> ExitStatus { WSCat<PlainWebSocket>().run(&context) }
}

/// wscat's help text, the same whatever the dialect.
package enum WSCatUsage {
    package static let summary = "open a WebSocket and exchange JSON frames (the tutorials' messaging socket)"
    package static let text = """
        usage: wscat [options] (-c URL | URL)\n
        """ + WSCatOptions.table.helpLines(maximumNameWidth: 24) + """
            At a terminal: `> ` prompt, frames may span lines (JSON is sent when complete; invalid JSON is not sent),
            slash commands (/help), Ctrl-C cancels the line, Ctrl-D or /close returns to the shell, Ctrl-Z or /bg
            keeps the socket open in the background.
            Otherwise the lines after the command are sent as frames until /close or the end of input; in a script,
            also until the first shell command (not JSON, a slash command, blank or a # comment), which closes the
            socket and runs; received frames are printed one per line.
            With & the socket stays open in the background (a job: `jobs` lists it with its side and URL): what
            arrives is printed tagged [N] (above the prompt at a terminal); `fg %N` (or %consumer, %agent) sends
            frames on it, /bg puts it back, /as consumer|agent|%N switches to another socket, `kill %N` or /close
            closes it. Placeholders are filled from what any of the shell's sockets captured.
            Exit status: 0 after a normal close, 1 on a connection, TLS or upgrade failure or an abnormal close,
            2 on bad options.
            """
}
