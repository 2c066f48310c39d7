import ShellSyntax

#if canImport(Glibc)
    import Glibc
#endif

/// Simple commands: expansion, assignments, redirections, then a function, a builtin or a program from `PATH`.
extension Interpreter {
    func executeSimple(_ command: SimpleCommand, state: inout ShellState, io: IOStreams) -> ExitStatus {
        // What a background socket captured meanwhile ($LP_CONV_ID) is there for the command's words.
        state.applyPublishedVariables()
        if !state.aliases.isEmpty, let status = expandAlias(command, state: &state, io: io) { return status }
        // The pages' `curl … "…/login?v=1.1"  jq -r .bearer`: explained before anything is expanded or fetched.
        if let found = DocDefect.missingPipe(in: command, source: state.source?.text), state.functions["curl"] == nil {
            report(found.defect, at: found.jqRange, word: "jq", state: state, io: io)
            return .usage
        }
        var expander = WordExpander(interpreter: self, io: io)
        let fields: [String]
        var assignments: [(name: String, value: String)] = []
        do {
            fields = try expander.expandFields(command.words, state: &state)
            // Assignments expand left to right, each seeing the ones before it (`A=1 B=$A`); the names are put
            // back afterwards (a copy of the whole state would make 100,000 assignments quadratic).
            let saved = command.assignments.map { (name: $0.name, variable: state.variables.variable(named: $0.name)) }
            defer {
                for (name, variable) in saved.reversed() { state.variables.restore(name, to: variable) }
            }
            for assignment in command.assignments {
                let value = try expander.expandString(assignment.value, state: &state)
                assignments.append((assignment.name, value))
                try? state.variables.set(assignment.name, to: value)
            }
        } catch {
            report(error, state: state, io: io)
            if error.isFatal && !state.isInteractive { state.exitRequest = error.status }
            return error.status
        }
        warnAboutUnsetVariables(expander.unsetReferences, state: &state, io: io)
        warnAboutSpaceAfterEquals(command, fields: fields, io: io)

        // `A=1` alone: assign in the current shell; the status is that of the last command substitution.
        guard let name = fields.first else {
            let status = expander.lastSubstitutionStatus ?? .success
            for (name, value) in assignments {
                do {
                    try state.variables.set(name, to: value)
                    state.variables.applyPendingExport(name)
                } catch {
                    report(error.description, io: io)
                    if !state.isInteractive { state.exitRequest = .failure }
                    return .failure
                }
            }
            if !command.redirections.isEmpty {
                return withRedirections(command.redirections, state: &state, io: io) { _, _ in status }
            }
            return status
        }
        // `$_`: the last word of the previous simple command (bash; dash has none).
        try? state.variables.set("_", to: fields[fields.count - 1])
        if state.options.xtrace {
            let prefix = assignments.map { "\($0.name)=\(ShellQuoting.quote($0.value)) " }.joined()
            // The trace is a log: tokens in it are masked like everywhere else.
            let line = prefix + fields.map(ShellQuoting.quote).joined(separator: " ")
            io.stderr.write("+ " + SecretMasking.mask(line) + "\n")
        }
        observer.willRun(fields, state: &state, io: io)
        let arguments = Array(fields.dropFirst())

        // `exec` with only redirections changes the shell's descriptors for the commands that follow.
        let isPermanent =
            name == "exec" && arguments.isEmpty && state.functions[name] == nil && builtinTable[name] != nil
        return withRedirections(command.redirections, state: &state, io: io, permanently: isPermanent) { state, io in
            if let function = state.functions[name] {
                return withTemporaryAssignments(assignments, state: &state, io: io) { state in
                    callFunction(function, arguments: arguments, state: &state, io: io)
                }
            }
            if let builtin = builtinTable[name], !(builtin.isStandIn && programExists(name, state: &state)) {
                return withTemporaryAssignments(assignments, state: &state, io: io) { state in
                    runBuiltin(builtin, name: name, arguments: arguments, state: &state, io: io)
                }
            }
            var environment = state.variables.exportedEnvironment
            for (name, value) in assignments { environment[name] = value }
            let searchPath = assignments.last { $0.name == "PATH" }.map(\.value)
            return runExternal(
                name, arguments: arguments, environment: environment, searchPath: searchPath, state: &state, io: io)
        }
    }

    public func runCommand(_ words: [String], functions: Bool, state: inout ShellState, io: IOStreams)
        -> ExitStatus
    {
        guard let name = words.first else { return .success }
        let arguments = Array(words.dropFirst())
        if functions, let function = state.functions[name] {
            return callFunction(function, arguments: arguments, state: &state, io: io)
        }
        if let builtin = builtinTable[name], !(builtin.isStandIn && programExists(name, state: &state)) {
            return runBuiltin(builtin, name: name, arguments: arguments, state: &state, io: io)
        }
        return runExternal(
            name, arguments: arguments, environment: state.variables.exportedEnvironment, state: &state, io: io)
    }

    /// Prefix assignments (`A=1 cmd`) last for one builtin or function call only.
    private func withTemporaryAssignments(
        _ assignments: [(name: String, value: String)],
        state: inout ShellState,
        io: IOStreams,
        body: (inout ShellState) -> ExitStatus
    ) -> ExitStatus {
        if assignments.isEmpty { return body(&state) }
        let saved = assignments.map { (name: $0.name, variable: state.variables.variable(named: $0.name)) }
        for (name, value) in assignments {
            do {
                try state.variables.set(name, to: value, exported: true)
            } catch {
                report(error.description, io: io)
                return .failure
            }
        }
        let status = body(&state)
        for (name, variable) in saved {
            if let variable {
                try? state.variables.set(name, to: variable.value)
                if !variable.isExported { state.variables.unexportForRestore(name) }
            } else {
                try? state.variables.unset(name)
            }
        }
        return status
    }

    /// Runs a builtin with the given streams (`--help` handled), as a command line would.
    public func runBuiltin(
        _ builtin: any Builtin.Type, name: String, arguments: [String], state: inout ShellState, io: IOStreams
    ) -> ExitStatus {
        if builtin.handlesHelpFlag && arguments == ["--help"] {
            io.stdout.write(builtin.usage.hasSuffix("\n") ? builtin.usage : builtin.usage + "\n")
            io.stdout.flush()
            return .success
        }
        var context = CommandContext(name: name, arguments: arguments, io: io, state: state, shell: self)
        // The context holds the only reference while the builtin runs, so an assignment in it (`eval V=1`,
        // `read V`) does not copy every variable.
        state.variables = VariableStore()
        var status = builtin.init().run(&context)
        state = context.state
        io.flush()
        if let error = io.stdout.takeWriteError() {
            report("\(name): write error: \(String(cString: strerror(error)))", io: io)
            if status == .success { status = .failure }
        }
        return status
    }

    /// Runs a program found in `PATH` (or `searchPath`, a `PATH=… cmd` prefix, which the command cache ignores).
    func runExternal(
        _ name: String, arguments: [String], environment: [String: String], searchPath: String? = nil,
        state: inout ShellState, io: IOStreams
    ) -> ExitStatus {
        let path: String
        let usesCache = searchPath == nil && !name.contains("/")
        if usesCache, let cached = state.commandCache.lookUp(name, path: state.variables["PATH"]) {
            // As in bash and dash: the remembered file runs until `hash -r`, even when it is gone.
            guard access(cached, F_OK) == 0 else {
                report("\(cached): No such file or directory", io: io)
                return .notFound
            }
            path = cached
        } else {
            switch resolveCommand(name, searchPath: searchPath, state: &state, remember: usesCache) {
            case .success(let found): path = found
            case .failure(.notExecutable(let reason)):
                report("\(name): \(reason)", io: io)
                return .notExecutable
            case .failure:
                report("\(name): command not found", io: io)
                return .notFound
            }
        }
        return spawn(name, path: path, arguments: arguments, environment: environment, state: state, io: io)
    }

    /// Whether a program named `name` is there to run (found, even if not executable): a stand-in builtin then
    /// gives way to it.
    func programExists(_ name: String, state: inout ShellState) -> Bool {
        if case .failure(.notFound) = resolveCommand(name, state: &state, remember: false) { return false }
        return true
    }

    /// Where `name` is in `PATH` (remembered for the next run when `remember`).
    func resolveCommand(_ name: String, searchPath: String? = nil, state: inout ShellState, remember: Bool)
        -> Result<String, ProcessLauncher.LaunchError>
    {
        let path = searchPath ?? state.variables["PATH"]
        let found = ProcessLauncher.resolve(name, path: path, workingDirectory: state.workingDirectory)
        if remember, case .success(let file) = found {
            state.commandCache.remember(name, at: file, path: path)
        }
        return found
    }

    private func spawn(
        _ name: String, path: String, arguments: [String], environment: [String: String], state: ShellState,
        io: IOStreams
    ) -> ExitStatus {
        io.flush()
        var bridge = StreamBridge()
        guard let stdin = bridge.descriptor(for: io.stdin), let stdout = bridge.descriptor(for: io.stdout),
            let stderr = io.stderr === io.stdout ? stdout : bridge.descriptor(for: io.stderr)
        else {
            bridge.finish()
            report("\(name): cannot create pipes: too many open files", io: io)
            return .failure
        }
        var extra: [(fd: Int32, source: Int32)] = []
        for (fd, stream) in state.descriptors.extraStreams {
            let source =
                stream.output.flatMap { bridge.descriptor(for: $0) }
                ?? stream.input.flatMap { bridge.descriptor(for: $0) }
            if let source { extra.append((fd, source)) }
        }
        let launched = ProcessLauncher.spawn(
            path: path, arguments: [name] + arguments, environment: environment,
            workingDirectory: state.workingDirectory, stdin: stdin, stdout: stdout, stderr: stderr, extra: extra,
            closed: state.descriptors.closedExtras)
        bridge.childStarted()
        let status: ExitStatus
        switch launched {
        case .success(let pid):
            status = ProcessLauncher.wait(for: pid)
        case .failure(.notExecutable(let reason)):
            report("\(name): \(reason)", io: io)
            status = .notExecutable
        case .failure(.failed(let reason)):
            report("\(name): \(reason)", io: io)
            status = .notExecutable
        case .failure(.notFound):
            report("\(name): command not found", io: io)
            status = .notFound
        }
        bridge.finish()
        return status
    }

    // MARK: Doc-paste warnings

    /// Explains a doc defect (``DocDefect``) in one line, with the line and a caret under `word` when `range` is in
    /// the text being run and holds it.
    func report(_ defect: DocDefect, at range: SourceRange?, word: String, state: ShellState, io: IOStreams) {
        var diagnostic = Diagnostic(.error, defect.explanation, programName: defect.programName)
        if let range, let source = state.source {
            let bytes = source.text.utf8
            if range.start >= 0, range.end <= bytes.count,
                bytes.dropFirst(range.start).prefix(range.end - range.start).elementsEqual(word.utf8)
            {
                diagnostic.location = SourceLocation(range, in: source)
            }
        }
        io.stderr.write(renderer.render(diagnostic))
    }

    private func warnAboutUnsetVariables(_ names: [String], state: inout ShellState, io: IOStreams) {
        for name in names {
            var message = "\(name) is not set"
            if let hint = observer.hint(forUnset: name, state: state) { message += "; " + hint }
            io.stderr.write(renderer.render(warning: message))
        }
    }

    /// `LP_USER= ADMIN_USERNAME`: the docs' typo sets the variable empty for one command and runs the value.
    private func warnAboutSpaceAfterEquals(_ command: SimpleCommand, fields: [String], io: IOStreams) {
        guard let last = command.assignments.last, last.value.parts.isEmpty, let first = fields.first,
            let word = command.words.first, word.range.start > last.range.end, last.name != "IFS"
        else { return }
        io.stderr.write(
            renderer.render(
                warning:
                    "\(last.name) was set empty (for this command only) and `\(first)` ran as a command; "
                    + "to assign, remove the space: \(last.name)=\(first)"))
    }

    /// Runs `command` with an alias for its command word: the alias's text in place of the word, then the rest of
    /// the command as written, parsed again (so an alias may hold `;`, `|` or redirections). Nil when the command
    /// word is no alias, is quoted, or is already being expanded; or when the command's text is not known.
    private func expandAlias(_ command: SimpleCommand, state: inout ShellState, io: IOStreams) -> ExitStatus? {
        guard let word = command.words.first, let name = word.literalText, let value = state.aliases[name],
            !state.expandingAliases.contains(name), let source = state.source
        else { return nil }
        let text = source.text.utf8
        guard command.range.start <= word.range.start, word.range.end <= command.range.end,
            command.range.end <= text.count
        else { return nil }
        let start = text.index(text.startIndex, offsetBy: command.range.start)
        let wordStart = text.index(text.startIndex, offsetBy: word.range.start)
        let wordEnd = text.index(text.startIndex, offsetBy: word.range.end)
        let end = text.index(text.startIndex, offsetBy: command.range.end)
        let before = String(decoding: text[start..<wordStart], as: UTF8.self)
        let after = String(decoding: text[wordEnd..<end], as: UTF8.self)
        let expanded = before + value + after
        state.expandingAliases.insert(name)
        defer { state.expandingAliases.remove(name) }
        return run(source: expanded, name: "alias", state: &state, io: io)
    }
}
