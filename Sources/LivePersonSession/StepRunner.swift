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
        var text = step.source.split(separator: "\n").map { highlight("$ " + $0) + "\n" }.joined()
        for frame in step.frames { text += highlight("> " + frame) + "\n" }
        return text
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
        let status = context.shell.run(
            source: source, name: "step \(step.number)", state: &context.state, io: context.io)
        context.shell.discardPushedScriptLines()
        reportChanges(from: before, context: context)
        let checkFailures = step.checks.compactMap { failure(of: $0, context: context) }
        // A frame the server refused fails the step whatever the variables say (a publish into a conversation of
        // another consumer once set LP_CONV_ID all the same).
        let failures = checkFailures + context.state.wscatFailedResponses.map { "the server refused request \($0)" }
        context.state.wscatFailedResponses = []
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
        if hints.isEmpty {
            hints.append("run the curl part alone (without `| jq …` and the backticks) to see what the server answered")
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
