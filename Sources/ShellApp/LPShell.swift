import LineEditing
import LivePersonSession
import OptionParsing
import ShellBuiltins
import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// The lp-shell program: the composition root that wires the interpreter, builtins, line editing and
/// start-up options.
public enum LPShell {
    /// The version `--version` prints.
    public static let version = "0.2.0"

    /// Runs lp-shell with the process's arguments (including the program name) and returns its exit status.
    public static func main(arguments: [String]) -> Int32 {
        let io = IOStreams.standard()
        let stderrStyle = TerminalStyle(isTerminal: isatty(2) == 1, lookup: getenvString)
        let renderer = DiagnosticRenderer(programName: "lp-shell", style: stderrStyle)
        let options: CommandLineOptions
        do {
            options = try CommandLineOptions.parse(Array(arguments.dropFirst()))
        } catch {
            io.stderr.write(renderer.render(message: error.defaultMessage))
            io.stderr.writeDiagnostic(
                "usage: lp-shell [options] [-c COMMAND | SCRIPT [ARG ...]]; try `lp-shell --help`\n")
            io.flush()
            return ExitStatus.usage.rawValue
        }
        switch options.mode {
        case .help:
            io.stdout.write(CommandLineOptions.usage + "\n")
            io.flush()
            return 0
        case .version:
            io.stdout.write(BuildInfo.versionLine + "\n")
            io.flush()
            return 0
        case .manPage:
            io.stdout.write(ManualPage.page.roff)
            io.flush()
            return 0
        case .completion(let shell):
            io.stdout.write(ManualPage.completionScript(for: shell) ?? "")
            io.flush()
            return 0
        case .sandbox(let sandboxArguments), .classroom(let sandboxArguments):
            Signals.installCrashHandlers()
            let isClass = if case .classroom = options.mode { true } else { false }
            let folders = SandboxLauncher.secretFolders(arguments: sandboxArguments, classroom: isClass)
            for warning in SecretFileAudit.warnings(
                environment: processEnvironment(), environmentFiles: [], sandboxFolders: folders)
            {
                io.stderr.write(renderer.render(warning: warning))
            }
            if isClass {
                return SandboxLauncher.runClass(arguments: sandboxArguments, environment: processEnvironment(), io: io)
            }
            return SandboxLauncher.runForeground(arguments: sandboxArguments, io: io)
        default:
            break
        }

        Signals.install()
        var environment = processEnvironment()
        for file in options.environmentFiles {
            guard let text = FileReading.readText(file) else {
                io.stderr.write(
                    renderer.render(
                        message: "--env-file \(file): cannot read the file (\(String(cString: strerror(errno))))"))
                io.flush()
                return ExitStatus.usage.rawValue
            }
            let parsed = EnvFile.parse(text, name: file, environment: environment)
            for warning in parsed.warnings { io.stderr.write(renderer.render(warning: warning)) }
            for entry in parsed.entries { environment[entry.name] = entry.value }
        }
        for assignment in options.environmentAssignments {
            if let equals = assignment.firstIndex(of: "=") {
                environment[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
            } else if let value = getenvString(assignment) {
                environment[assignment] = value
            }
        }

        let interactive = isatty(0) == 1 && options.mode == .standardInput
        var scriptText: String?
        var scriptReadError: Int32 = 0
        switch options.mode {
        case .command(let command): scriptText = command
        case .script(let path):
            // Read once: it decides whether LivePerson is needed, and it is what runs.
            scriptText = FileReading.readText(path)
            scriptReadError = errno
        default: break
        }
        // The secret files are checked when this run may read or write them: history (interactive), an env file,
        // tokens, the CSDS cache or the sandbox's keys (LivePerson commands). `lp-shell -c true` touches none.
        let namesLivePerson = scriptText.map(usesLivePerson) ?? true
        if interactive || !options.environmentFiles.isEmpty || namesLivePerson {
            for warning in SecretFileAudit.warnings(
                environment: environment, environmentFiles: options.environmentFiles,
                sandboxFolders: SandboxLauncher.secretFolders(arguments: options.sandboxArguments))
            {
                io.stderr.write(renderer.render(warning: warning))
            }
        }
        // The embedded sandbox starts now, in the background, while the interpreter is prepared; at a terminal its
        // port is held now and the server starts once the prompt is on the screen (the first command waits for it),
        // so that the prompt does not share the CPU with it.
        let launch =
            LivePersonStartup.SandboxLaunch.isNeeded(
                options: options, environment: environment, usesLivePerson: namesLivePerson)
            ? LivePersonStartup.SandboxLaunch(arguments: options.sandboxArguments, startingNow: !interactive) : nil

        let interpreter = Interpreter(builtins: BuiltinRegistry.all, renderer: renderer)
        var state = ShellState(environment: environment, scriptName: options.scriptName, arguments: options.arguments)
        var runner = SourceRunner(interpreter: interpreter, io: io, renderer: renderer, sourceName: nil)
        runner.parseOnly = options.parseOnly
        installAdvisor(interpreter, renderer: renderer)

        var lineReader: ReadlineLineReader?
        if interactive {
            state.isInteractive = true
            let history = HistoryFile.defaultPath(environment: environment)
            let reader = ReadlineLineReader(historyFile: history)
            if let problem = reader.historyProblem {
                io.stderr.write(renderer.render(warning: problem))
                io.flush()
            }
            interpreter.historyStore = ReadlineHistory(reader: reader)
            interpreter.terminal = ReadlineInteractiveTerminal()
            ReadlineLineReader.setCompletionProvider(Completion.provider(interpreter: interpreter))
            lineReader = reader
        }
        let startup = LivePersonStartup(interpreter: interpreter, io: io, renderer: renderer)
        let mode: LivePersonStartup.Mode
        var classSession: ClassSession?
        if let join = options.join, !options.parseOnly {
            // No embedded sandbox: the class is the sandbox, and this learner's account and variables come from it.
            guard
                let (session, joinedMode) = startup.joinClass(
                    join, name: options.learnerName, state: &state, interactive: interactive)
            else { return ExitStatus.failure.rawValue }
            classSession = session
            mode = joinedMode
            runner.afterEachCommand = { session.commandFinished(state: $0) }
        } else {
            mode =
                options.parseOnly || options.plain
                ? .none
                : startup.start(options: options, state: &state, launch: launch, finishLater: lineReader != nil)
        }
        if interactive { Banner.print(mode: mode, state: state, io: io, style: stderrStyle) }

        var status: ExitStatus
        switch options.mode {
        case .command(let command):
            status = runner.run(reader: StringLineReader(command), state: &state)
        case .script(let path):
            guard let text = scriptText else {
                let reason = scriptReadError
                io.stderr.write(renderer.render(message: "\(path): \(String(cString: strerror(reason)))"))
                io.flush()
                return (reason == EISDIR ? ExitStatus.notExecutable : ExitStatus.notFound).rawValue
            }
            runner.sourceName = path
            runner.stripsPastedPrompts = false
            status = runner.run(reader: StringLineReader(text), state: &state)
        default:
            if let reader = lineReader {
                var repl = REPL(runner: runner, reader: reader, prompt: Prompt(style: stderrStyle))
                // The prompt did not wait for the sandbox (its port was held in advance); the first command does.
                if let launch, launch.plannedPort != nil, case .sandbox = mode {
                    ReadlineLineReader.whenPromptShown { launch.start() }
                    repl.beforeFirstCommand = { startup.finishSandboxStart(launch, state: &$0) }
                }
                status = repl.run(state: &state)
            } else {
                status = runner.run(reader: PlainLineReader(), state: &state)
            }
        }
        status = interpreter.runExitTrap(status: status, state: &state, io: io)
        classSession?.finish()
        // Sockets still open in the background (`wscat … &`) are closed properly, their last frames shown.
        state.backgroundJobs.terminateAll()
        io.flush()
        return status.rawValue
    }

    /// Whether a `-c` command or script needs the LivePerson services (so `lp-shell -c true` stays instant).
    static func usesLivePerson(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return ["LP_", "step", "tutorial", "tokens", "wscat"].contains { bytes.containsBytes($0) }
    }

    static func installAdvisor(_ interpreter: Interpreter, renderer: DiagnosticRenderer) {
        interpreter.observer = LivePersonObserver(renderer: renderer)
    }

    static func getenvString(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The process's environment. Split at the `=` byte: finding it as a `Character` (grapheme breaking over every
    /// entry) was a quarter of `lp-shell -c true`'s instructions.
    static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        result.reserveCapacity(64)
        var pointer = environ
        while let entry = pointer.pointee {
            if let equals = strchr(entry, Int32(UInt8(ascii: "="))) {
                let name = UnsafeRawBufferPointer(start: entry, count: entry.distance(to: equals))
                result[String(decoding: name, as: UTF8.self)] = String(cString: equals + 1)
            }
            pointer += 1
        }
        return result
    }

}
