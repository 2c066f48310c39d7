import OptionParsing
import ShellRuntime

/// `step`, `step N [--dry-run]`, `step next`: the current tutorial's steps, run exactly as the docs print them.
struct Step: Builtin {
    static let name = "step"
    static let summary = "list the tutorial's steps (✓ done), or run one exactly as the docs print it"
    static let synopsis = "usage: step [N | next] [--dry-run]"
    static let options = OptionTable.shellBuiltin(
        name, synopsis: synopsis, options: [OptionDefinition(["-n", "--dry-run"], help: "only print the command")],
        syntax: OptionSyntax(), unknown: "unexpected argument")
    static let usage = """
        \(synopsis)

          step             list the steps of the current tutorial, ✓ for the ones done
          step N           print step N's command from the docs, run exactly that text, show what changed
          step next        run the first step not done yet

        """ + options.helpLines(minimumNameWidth: 15)
        + "Choose the tutorial with `tutorial use NAME`; `tutorial` walks through it with explanations."

    func run(_ context: inout CommandContext) -> ExitStatus {
        guard let tutorial = TutorialCatalog.chosen(context) else { return .failure }
        let runner = StepRunner(
            tutorial: tutorial,
            style: TerminalStyle(isTerminal: context.io.stdout.isTerminal, environment: context.environment))
        guard let (options, operands) = context.parsedArguments(Self.options) else { return .usage }
        let dryRun = !options.isEmpty  // --dry-run, its one option
        if operands.count > 1 {
            context.error("\(operands[1]): unexpected argument\n\(Self.synopsis)")
            return .usage
        }
        let selector = operands.first
        guard let selector else {
            list(tutorial, runner: runner, context: context)
            return .success
        }
        let step: Tutorial.Step
        if selector == "next" {
            guard let next = tutorial.steps.first(where: { !context.state.completedSteps.contains(runner.key($0)) })
            else {
                context.io.stderr.writeDiagnostic("step: every step of \(tutorial.title) is done ✓\n")
                return .success
            }
            step = next
        } else {
            guard let number = Int(selector), let found = tutorial.step(number) else {
                let numbers = tutorial.steps.map { String($0.number) }.joined(separator: ", ")
                context.error("\(selector): no such step in \(tutorial.name) (steps: \(numbers))")
                return .usage
            }
            step = found
        }
        context.io.stdout.write("Step \(step.number) - \(step.title)\n")
        context.io.stdout.write(runner.display(step))
        if dryRun { return .success }
        let (status, passed) = runner.run(step, source: step.source, context: &context)
        if passed { context.io.stderr.writeDiagnostic("step \(step.number) ✓\n") }
        return status
    }

    private func list(_ tutorial: Tutorial, runner: StepRunner, context: CommandContext) {
        context.io.stdout.write("\(tutorial.title) (\(tutorial.name))\n")
        for step in tutorial.steps {
            let done = context.state.completedSteps.contains(runner.key(step))
            context.io.stdout.write("  \(done ? "✓" : " ") \(step.number). \(step.title)\n")
        }
        context.io.stdout.write("Run one with `step N` (`step N --dry-run` only prints it), or `step next`.\n")
    }
}
