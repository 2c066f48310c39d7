import ShellBuiltins
import ShellRuntime

/// Runs one tutorial step the way `step N` and the guided mode do: show the doc's command, run exactly that
/// text, report what changed, check the result and explain a failure in plain words.
struct StepRunner {
    let tutorial: Tutorial
    /// The colours of the stream the doc commands are shown on.
    let style: TerminalStyle

    /// The doc command, highlighted on a terminal.
    func display(_ step: Tutorial.Step) -> String {
        // The frames follow the line that opens (or brings forward) their socket, as the page prints them.
        let lines = step.source.split(separator: "\n")
        var shown = lines.map { highlight("$ " + $0) + "\n" }
        let socketLine = lines.firstIndex { $0.contains("wscat ") || $0.hasPrefix("fg %") }
        shown.insert(
            contentsOf: step.frames.map { highlight("> " + $0) + "\n" }, at: socketLine.map { $0 + 1 } ?? shown.count)
        return shown.joined()
    }

    func highlight(_ text: String) -> String {
        style.paint(text, .boldCyan)
    }

    /// Runs `source` (the doc's command or what the learner typed) for `step`; returns the status and whether the
    /// step's checks hold afterwards.
    func run(_ step: Tutorial.Step, source: String, context: inout CommandContext) -> (ExitStatus, passed: Bool) {
        let before = context.state.variables
        if !step.frames.isEmpty {
            // At a terminal the socket stays open for the learner after the frames; in a script it closes, or goes
            // back to the background when it is one of the page's background sockets (`socket:`).
            let end = context.state.isInteractive ? [] : [step.socket == nil ? "/close" : "/bg"]
            context.shell.pushScriptLines(step.frames + end)
        }
        context.io.flush()
        context.state.wscatFailedResponses = []
        let status = runLines(of: source, name: "step \(step.number)", context: &context)
        context.shell.discardPushedScriptLines()
        reportChanges(from: before, context: context)
        let checkFailures = step.checks.compactMap { failure(of: $0, context: context) }
        // A frame the server refused fails the step whatever the variables say (a publish into a conversation of
        // another consumer once set LP_CONV_ID all the same).
        let failures = checkFailures + context.state.wscatFailedResponses.map { "the server refused request \($0)" }
        context.state.wscatFailedResponses = []
        // What is said about this step is shown now: the guided mode reads the next answer before anything else
        // flushes, and the diagnosis came one answer late.
        defer { context.io.flush() }
        if failures.isEmpty {
            context.state.completedSteps.insert(key(step))
            return (status, true)
        }
        for failure in failures { context.io.stderr.writeDiagnostic("\(context.name): ✗ \(failure)\n") }
        for hint in checkFailures.isEmpty ? [] : diagnose(source, context: context) {
            context.io.stderr.writeDiagnostic("\(context.name):   \(hint)\n")
        }
        return (status.isSuccess ? .failure : status, false)
    }

    /// Runs `source` a line at a time, as if pasted: each line's placeholders (`LP_TUS=__temp_url_sig__`) are
    /// filled from what the sockets captured before it runs (the wscat line before it may just have captured them),
    /// and a line with a placeholder lp-shell cannot fill is named and not run. Returns the last line's status.
    private func runLines(of source: String, name: String, context: inout CommandContext) -> ExitStatus {
        var status = ExitStatus.success
        for line in source.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            guard let filled = ShellLinePlaceholders.fill(line, variables: context.state.variables) else {
                status = context.shell.run(source: line, name: name, state: &context.state, io: context.io)
                continue
            }
            guard filled.missing.isEmpty else {
                for missing in filled.missing { context.error(missing + " (not run)") }
                status = .failure
                continue
            }
            for note in filled.notes { context.io.stderr.writeDiagnostic("\(context.name): note: \(note)\n") }
            status = context.shell.run(source: filled.text, name: name, state: &context.state, io: context.io)
        }
        return status
    }

    /// The key under which a step's completion is remembered.
    func key(_ step: Tutorial.Step) -> String { "\(tutorial.name):\(step.number)" }

    private func reportChanges(from before: VariableStore, context: CommandContext) {
        for (name, variable) in context.state.variables.all where name.hasPrefix("LP_") {
            guard before[name] != variable.value else { continue }
            let description = TokenSummary.describe(name: name, value: variable.value)
            context.io.stderr.writeDiagnostic("\(context.name): \(name) set\(description.map { ", " + $0 } ?? "")\n")
        }
    }

    /// Why a check does not hold, or nil when it does.
    func failure(of check: Tutorial.Check, context: CommandContext) -> String? {
        switch check {
        case .set(let name):
            let value = context.state.variables[name] ?? ""
            return value.isEmpty ? "\(name) is not set" : nil
        case .jwt(let name):
            let value = context.state.variables[name] ?? ""
            if value.isEmpty { return "\(name) is empty: the command did not produce a token" }
            if value == "null" { return "\(name) is `null`: the server answered with an error instead of a token" }
            return TokenSummary.problem(with: value).map { "\(name) \($0)" }
        case .file(let path):
            return FileReading.readBytes(context.resolvePath(path)) == nil ? "\(path) was not written" : nil
        }
    }

    /// Plain-words causes: variables the command uses that are unset or empty.
    func diagnose(_ source: String, context: CommandContext) -> [String] {
        var hints: [String] = []
        for name in StepRunner.referencedVariables(in: source) {
            let value = context.state.variables[name] ?? ""
            guard value.isEmpty || value == "null" else { continue }
            switch name {
            case "LP_APP_CONN_ID":
                hints.append(
                    "$LP_APP_CONN_ID is empty, so the URL became …/app//authenticate: start lp-shell with "
                        + "--env LP_CONN_ID=<your connector id> (lp-shell copies it to LP_APP_CONN_ID)")
            default:
                let state = value.isEmpty ? "empty" : "null"
                if let creator = tutorial.creator(of: name) {
                    hints.append("$\(name) is \(state): run the step that sets it first (`step \(creator.number)`)")
                } else {
                    hints.append("$\(name) is \(state)")
                }
            }
        }
        if hints.isEmpty && source.contains("curl ") && source.contains("| jq") {
            hints.append("run the curl part alone (without `| jq …` and the backticks) to see what the server answered")
        } else if hints.isEmpty && source.contains("wscat ") {
            hints.append("the frames above show what the server answered")
        }
        return hints
    }

    /// `$NAME` and `${NAME}` references to `LP_*` variables, in order, without repeats.
    static func referencedVariables(in source: String) -> [String] {
        var names: [String] = []
        var remainder = Substring(source)
        while let dollar = remainder.firstIndex(of: "$") {
            var rest = remainder[remainder.index(after: dollar)...]
            if rest.first == "{" { rest = rest.dropFirst() }
            let name = String(rest.prefix { $0 == "_" || $0.isLetter || $0.isNumber })
            if name.hasPrefix("LP_") && !names.contains(name) { names.append(name) }
            remainder = rest
        }
        return names
    }
}
