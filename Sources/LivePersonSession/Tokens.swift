import JSONQuery
import ShellBuiltins
import ShellRuntime

/// `tokens`, `tokens --json`, `tokens refresh`: every JWT-valued variable and its lifetime.
struct Tokens: Builtin {
    static let name = "tokens"
    static let summary = "show the session's tokens (kind, subject, expiry; values masked); `tokens refresh`"
    static let usage = """
        usage: tokens [--json] | tokens refresh

          tokens           every variable holding a JWT: kind (external / LP consumer / agent bearer), subject,
                           issued, expires in, refreshable until, and the value masked (eyJr…Q)
          tokens --json    the same as JSON, for scripts
          tokens refresh   run the tutorial's `refresh:` steps (unauthenticated: step 4 refreshes the external
                           token, step 2 exchanges it again)
        `set -o autorefresh` refreshes automatically when LP_JWT is about to expire.
        """

    func run(_ context: inout CommandContext) -> ExitStatus {
        switch context.arguments {
        case []: return list(context, json: false)
        case ["--json"]: return list(context, json: true)
        case ["refresh"]: return Tokens.refresh(&context)
        default:
            context.error(
                "\(context.arguments.joined(separator: " ")): unexpected arguments\nusage: tokens [--json] | tokens refresh"
            )
            return .usage
        }
    }

    static func summaries(_ state: ShellState) -> [TokenSummary] {
        state.variables.all.compactMap { TokenSummary.inspect(name: $0.name, value: $0.variable.value) }
    }

    private func list(_ context: CommandContext, json: Bool) -> ExitStatus {
        let now = TokenSummary.now()
        let tokens = Tokens.summaries(context.state)
        if json {
            let items = tokens.map { token -> String in
                var fields = ["\"name\":\(quote(token.name))", "\"kind\":\(quote(token.kind))"]
                fields.append("\"subject\":" + (token.subject.map(quote) ?? "null"))
                fields.append("\"issuedAt\":" + (token.issuedAt.map(String.init) ?? "null"))
                fields.append("\"expiresAt\":" + (token.expiresAt.map(String.init) ?? "null"))
                fields.append("\"expiresIn\":" + (token.secondsLeft(now: now).map(String.init) ?? "null"))
                fields.append("\"refreshableUntil\":" + (token.refreshableUntil.map(String.init) ?? "null"))
                fields.append("\"masked\":\(quote(token.masked))")
                return "{" + fields.joined(separator: ",") + "}"
            }
            context.io.stdout.write("[" + items.joined(separator: ",") + "]\n")
            return .success
        }
        guard !tokens.isEmpty else {
            context.io.stdout.write("no tokens yet; `step` shows how the tutorial creates them\n")
            return .success
        }
        for token in tokens {
            var line = "\(token.name.padding(to: 12)) \(token.kind.padding(to: 13)) \(token.masked)"
            if let subject = token.subject {
                line += "  sub \(subject.count > 16 ? String(subject.prefix(15)) + "…" : subject)"
            }
            if let iat = token.issuedAt { line += "  " + JWTTime.issued(iat, now: now) }
            if let exp = token.expiresAt { line += "  " + JWTTime.expiry(exp, now: now) }
            if let until = token.refreshableUntil {
                line += until > now ? "  refreshable for \(JWTTime.span(until - now))" : "  no longer refreshable"
            }
            context.io.stdout.write(line + "\n")
        }
        return .success
    }

    private func quote(_ text: String) -> String { JSONWriter.quoted(text) }

    /// The tutorial's `refresh:` steps (the unauthenticated tutorial: step 4 refreshes the external token, step 2
    /// exchanges it again).
    static func refresh(_ context: inout CommandContext) -> ExitStatus {
        guard
            let tutorial = TutorialRoles.refreshing(
                environment: context.environment, chosen: context.state.variables[TutorialCatalog.variable])
        else {
            context.error("no tutorial in this installation says how to refresh the tokens (`refresh:`)")
            return .failure
        }
        if let renewed = tutorial.refreshedVariable, (context.state.variables[renewed] ?? "").isEmpty {
            let creator = tutorial.creator(of: renewed).map { "step \($0.number)" } ?? "the step that creates it"
            context.error("\(renewed) is not set: create it first (\(creator) of `tutorial use \(tutorial.name)`)")
            return .failure
        }
        let runner = StepRunner(
            tutorial: tutorial,
            style: TerminalStyle(isTerminal: context.io.stderr.isTerminal, environment: context.environment))
        for step in tutorial.refreshSteps.compactMap(tutorial.step) {
            context.io.stderr.write(runner.display(step))
            let (status, passed) = runner.run(step, source: step.source, context: &context)
            if !passed { return status }
        }
        return .success
    }
}
