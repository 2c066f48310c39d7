import ShellSyntax

/// Pipelines: every stage of a multi-stage pipeline runs on its own thread with a copy of the state (bash runs
/// each in a subshell), connected by real pipes so external programs and builtins mix freely.
extension Interpreter {
    func executePipeline(_ pipeline: Pipeline, state: inout ShellState, io: IOStreams) -> ExitStatus {
        let io = state.descriptors.overlay(io)
        if pipeline.isNegated { state.errexitSuppression += 1 }
        var status: ExitStatus
        if pipeline.commands.count == 1 {
            status = executeCommand(pipeline.commands[0], state: &state, io: io)
        } else {
            status = executeStages(pipeline.commands, state: &state, io: io)
        }
        if pipeline.isNegated {
            state.errexitSuppression -= 1
            status = status.isSuccess ? .failure : .success
        } else if pipeline.commands.count > 1 || !Self.isCompound(pipeline.commands[0]) {
            checkErrexit(status, state: &state)
        }
        return status
    }

    /// `{ }`, `if`, loops and `case`: the commands inside already answered to `set -e`, so a failure that comes out
    /// of one (`{ false && true; }`, whose `false` is tested) does not end the shell. A subshell's status does.
    private static func isCompound(_ command: Command) -> Bool {
        switch command {
        case .group, .ifClause, .forLoop, .whileLoop, .caseClause: true
        case .simple, .subshell, .functionDefinition: false
        }
    }

    private func executeStages(_ commands: [Command], state: inout ShellState, io: IOStreams) -> ExitStatus {
        io.flush()
        var pipes: [(read: Int32, write: Int32)] = []
        for _ in 1..<commands.count {
            guard let pipe = FileDescriptors.makePipe() else {
                report("cannot create a pipe: too many open files", io: io)
                for pipe in pipes {
                    FileDescriptors.close(pipe.read)
                    FileDescriptors.close(pipe.write)
                }
                return .failure
            }
            pipes.append(pipe)
        }
        let snapshot = state
        var runners: [ThreadRunner] = []
        var results: [ThreadResult<ExitStatus>] = []
        for (index, command) in commands.enumerated() {
            let inputFD: Int32? = index == 0 ? nil : pipes[index - 1].read
            let outputFD: Int32? = index == commands.count - 1 ? nil : pipes[index].write
            let stageIO = IOStreams(
                stdin: inputFD.map { ByteInput(fileDescriptor: $0) } ?? io.stdin,
                stdout: outputFD.map { ByteOutput(fileDescriptor: $0) } ?? io.stdout,
                stderr: io.stderr
            )
            let result = ThreadResult(ExitStatus.success)
            results.append(result)
            runners.append(
                ThreadRunner.start { [self] in
                    var stageState = snapshot
                    // The pipe is what the stage's standard input or output is now, whatever `exec` said before.
                    if inputFD != nil { stageState.descriptors.forget(0) }
                    if outputFD != nil { stageState.descriptors.forget(1) }
                    stageState.errexitSuppression = 0
                    result.value = self.executeCommand(command, state: &stageState, io: stageIO)
                    if let exit = stageState.exitRequest, !self.isSimpleExit(command) { result.value = exit }
                    stageIO.stdout.flush()
                    if let outputFD { FileDescriptors.close(outputFD) }
                    if let inputFD { FileDescriptors.close(inputFD) }
                })
        }
        for runner in runners { runner.join() }
        io.flush()
        let statuses = results.map(\.value)
        if state.options.pipefail, let failure = statuses.last(where: { !$0.isSuccess }) {
            return failure
        }
        return statuses.last ?? .success
    }

    private func isSimpleExit(_ command: Command) -> Bool {
        if case .simple(let simple) = command, simple.words.first?.literalText == "exit" { return true }
        return false
    }

    /// Runs a script with its standard output captured (command substitution); the state is a copy.
    func captureOutput(of script: Script, state: ShellState, stderr: ByteOutput) -> ([UInt8], ExitStatus) {
        guard let pipe = FileDescriptors.makePipe() else {
            stderr.write(renderer.render(message: "cannot create a pipe for command substitution"))
            return ([], .failure)
        }
        let result = ThreadResult(ExitStatus.success)
        let runner = ThreadRunner.start { [self] in
            var copy = state
            copy.errexitSuppression = 0
            copy.descriptors.forget(1)
            let output = ByteOutput(fileDescriptor: pipe.write)
            let io = IOStreams(stdin: ByteInput(fileDescriptor: 0), stdout: output, stderr: stderr)
            var status = self.execute(script, state: &copy, io: io)
            if let exit = copy.exitRequest { status = exit }
            result.value = status
            output.flush()
            FileDescriptors.close(pipe.write)
        }
        let reader = ByteInput(fileDescriptor: pipe.read)
        let bytes = reader.readAll()
        runner.join()
        FileDescriptors.close(pipe.read)
        return (bytes, result.value)
    }
}
