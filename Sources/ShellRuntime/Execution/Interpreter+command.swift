import ShellSyntax

/// Compound commands (`{ }`, `( )`, `if`, `for`, `while`, `case`, functions).
extension Interpreter {
    func executeCommand(_ command: Command, state: inout ShellState, io: IOStreams) -> ExitStatus {
        let io = state.descriptors.overlay(io)
        switch command {
        case .simple(let simple):
            return executeSimple(simple, state: &state, io: io)
        case .functionDefinition(let name, let body):
            state.functions[name] = FunctionBody(command: body, source: state.source)
            return .success
        case .group(let body, let redirections):
            return withRedirections(redirections, state: &state, io: io) { state, io in
                execute(body, state: &state, io: io)
            }
        case .subshell(let body, let redirections):
            return withRedirections(redirections, state: &state, io: io) { state, io in
                var copy = state
                // A subshell starts without the shell's traps, but keeps what it ignores (POSIX 2.12).
                copy.traps = state.traps.filter { $0.value.isEmpty }
                let status = execute(body, state: &copy, io: io)
                let final = runExitTrap(status: copy.exitRequest ?? status, state: &copy, io: io)
                state.restoreFileCreationMask(after: copy)
                return final
            }
        case .ifClause(let clause, let redirections):
            return withRedirections(redirections, state: &state, io: io) { state, io in
                for branch in clause.branches {
                    state.errexitSuppression += 1
                    let condition = execute(branch.condition, state: &state, io: io)
                    state.errexitSuppression -= 1
                    if state.isUnwinding { return condition }
                    if condition.isSuccess { return execute(branch.body, state: &state, io: io) }
                }
                if let elseBody = clause.elseBody { return execute(elseBody, state: &state, io: io) }
                return .success
            }
        case .forLoop(let loop, let redirections):
            return withRedirections(redirections, state: &state, io: io) { state, io in
                var expander = WordExpander(interpreter: self, io: io)
                var values = state.positionalParameters
                do throws(ExpansionError) {
                    if let words = loop.words { values = try expander.expandFields(words, state: &state) }
                } catch {
                    report(error, state: state, io: io)
                    return error.status
                }
                var status = ExitStatus.success
                state.loopDepth += 1
                defer { state.loopDepth -= 1 }
                for value in values {
                    if state.isUnwinding || InterruptState.isInterrupted { break }
                    do {
                        try state.variables.set(loop.name, to: value)
                    } catch {
                        report("\(error)", io: io)
                        return .failure
                    }
                    status = execute(loop.body, state: &state, io: io)
                    if takeLoopJump(&state) == .leave { break }
                }
                return status
            }
        case .whileLoop(let loop, let redirections):
            return withRedirections(redirections, state: &state, io: io) { state, io in
                var status = ExitStatus.success
                state.loopDepth += 1
                defer { state.loopDepth -= 1 }
                while !state.isUnwinding && !InterruptState.isInterrupted {
                    state.errexitSuppression += 1
                    let condition = execute(loop.condition, state: &state, io: io)
                    state.errexitSuppression -= 1
                    if state.jump != nil {
                        if takeLoopJump(&state) == .leave { break }
                        continue
                    }
                    if condition.isSuccess == loop.isUntil { break }
                    status = execute(loop.body, state: &state, io: io)
                    if takeLoopJump(&state) == .leave { break }
                }
                return status
            }
        case .caseClause(let clause, let redirections):
            return withRedirections(redirections, state: &state, io: io) { state, io in
                var expander = WordExpander(interpreter: self, io: io)
                do throws(ExpansionError) {
                    let subject = try expander.expandString(clause.word, state: &state)
                    for arm in clause.arms {
                        for pattern in arm.patterns {
                            let expanded = try expander.expandPattern(pattern, state: &state)
                            if PatternMatcher.matches(subject, pattern: expanded) {
                                return execute(arm.body, state: &state, io: io)
                            }
                        }
                    }
                } catch {
                    report(error, state: state, io: io)
                    return error.status
                }
                return .success
            }
        }
    }

    /// Runs `body` with the redirections of a command applied; afterwards the descriptors are put back, unless
    /// `permanently` (`exec 3>file`).
    func withRedirections(
        _ redirections: [Redirection],
        state: inout ShellState,
        io: IOStreams,
        permanently: Bool = false,
        body: (inout ShellState, IOStreams) -> ExitStatus
    ) -> ExitStatus {
        if redirections.isEmpty { return body(&state, io) }
        var redirector = Redirector(interpreter: self)
        switch redirector.apply(redirections, to: io, state: &state) {
        case .failure(let message):
            redirector.restore(&state)
            report(message, io: io)
            // Answered here for compound commands too (`{ …; } < missing` ends a `set -e` shell).
            checkErrexit(.failure, state: &state)
            return .failure
        case .expansionFailure(let error):
            redirector.restore(&state)
            report(error, state: state, io: io)
            checkErrexit(.failure, state: &state)
            return .failure
        case .success(let redirected):
            let status = body(&state, redirected)
            redirected.flush()
            if permanently {
                redirector.keep()
            } else {
                for (_, stream) in state.descriptors.extraStreams { stream.output?.flush() }
                redirector.restore(&state)
            }
            return status
        }
    }

    /// What a loop does after its body ran.
    enum LoopStep { case next, leave }

    /// Takes back a `break` or `continue` aimed at this loop (or passes a deeper one on, one level less).
    func takeLoopJump(_ state: inout ShellState) -> LoopStep {
        switch state.jump {
        case .breakLoops(let count)?:
            state.jump = count > 1 ? .breakLoops(count - 1) : nil
            return .leave
        case .continueLoop(let count)?:
            if count > 1 {
                state.jump = .continueLoop(count - 1)
                return .leave
            }
            state.jump = nil
            return .next
        case .returnFromFunction?:
            return .leave
        case nil:
            return state.exitRequest != nil ? .leave : .next
        }
    }

    /// Calls a shell function with its arguments as `$1`…; its `local` variables are put back afterwards.
    func callFunction(_ function: FunctionBody, arguments: [String], state: inout ShellState, io: IOStreams)
        -> ExitStatus
    {
        let saved = (state.positionalParameters, state.source, state.loopDepth)
        state.positionalParameters = arguments
        state.source = function.source
        // `break` in a function does not reach the caller's loops (bash).
        state.loopDepth = 0
        state.returnDepth += 1
        state.variables.pushLocalScope()
        var status = executeCommand(function.command, state: &state, io: io)
        state.variables.popLocalScope()
        state.returnDepth -= 1
        if state.jump == .returnFromFunction {
            state.jump = nil
            status = state.lastStatus
        }
        (state.positionalParameters, state.source, state.loopDepth) = saved
        return status
    }
}
