import ShellBuiltins
import ShellRuntime

/// `tutorial`, `tutorial list`, `tutorial use NAME`, `tutorial show`: the guided mode for onboarding classes.
struct TutorialCommand: Builtin {
    static let name = "tutorial"
    static let summary = "guided walk through a tutorial; `tutorial list`, `tutorial use NAME`"
    static let usage = """
        usage: tutorial [list | use NAME | show]

          tutorial           guided mode: explains each step, shows the docs' command, lets you type or paste it
                             (Enter alone runs it for you), runs it, checks the result and explains what went wrong
          tutorial list      the tutorials lp-shell knows (* marks the current one)
          tutorial use NAME  switch tutorial (the steps of `step` follow it)
          tutorial show      print every step with its command
        Add your own as $XDG_DATA_HOME/lp-shell/tutorials/NAME.tutorial (same format as the bundled ones).
        """

    func run(_ context: inout CommandContext) -> ExitStatus {
        switch context.arguments.first {
        case "list":
            let (tutorials, errors) = TutorialCatalog.load(environment: context.environment)
            let current = context.state.variables[TutorialCatalog.variable] ?? TutorialCatalog.defaultName
            for tutorial in tutorials {
                let marker = tutorial.name == current ? "*" : " "
                let aliases = tutorial.aliases.isEmpty ? "" : " (also `\(tutorial.aliases.joined(separator: "`, `"))`)"
                context.io.stdout.write("\(marker) \(tutorial.name.padding(to: 22))\(tutorial.title)\(aliases)\n")
            }
            for error in errors { context.io.stderr.writeDiagnostic("tutorial: warning: \(error)\n") }
            return .success
        case "use":
            guard context.arguments.count == 2 else {
                context.error("usage: tutorial use NAME")
                return .usage
            }
            let name = context.arguments[1]
            let (tutorials, _) = TutorialCatalog.load(environment: context.environment)
            guard let tutorial = tutorials.first(where: { $0.answers(to: name) }) else {
                context.error(TutorialCatalog.unknown(name, among: tutorials))
                return .failure
            }
            try? context.state.variables.set(TutorialCatalog.variable, to: tutorial.name)
            context.io.stderr.writeDiagnostic("now following \(tutorial.title); `step` lists its steps\n")
            return .success
        case "show":
            guard let tutorial = TutorialCatalog.chosen(context) else { return .failure }
            context.io.stdout.write("# \(tutorial.title)\n\(tutorial.summary)\nSource: \(tutorial.source)\n")
            for step in tutorial.steps {
                context.io.stdout.write("\n## \(step.number). \(step.title)\n\(step.explanation)\n\n")
                for line in step.source.split(separator: "\n") { context.io.stdout.write("    \(line)\n") }
                for frame in step.frames { context.io.stdout.write("    \(frame)\n") }
            }
            return .success
        case nil:
            return guided(&context)
        case let other?:
            context.error("\(other): unknown subcommand\nusage: tutorial [list | use NAME | show]")
            return .usage
        }
    }

    private func guided(_ context: inout CommandContext) -> ExitStatus {
        guard let tutorial = TutorialCatalog.chosen(context) else { return .failure }
        let style = TerminalStyle(isTerminal: context.io.stdout.isTerminal, environment: context.environment)
        let runner = StepRunner(tutorial: tutorial, style: style)
        let out = context.io.stdout
        out.write("\(runner.highlight(tutorial.title))\n\(tutorial.summary)\n")
        let missing = tutorial.needs.filter { (context.state.variables[$0] ?? "").isEmpty }
        if !missing.isEmpty {
            out.write(
                "Note: \(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") not set; the steps that use \(missing.count == 1 ? "it" : "them") will fail.\n"
            )
        }
        // The learner's answers: in a script (or pasted on stdin, or `-c`) the script's next lines, as wscat takes its
        // frames (the shell's reader has the input buffered: read beside it, stdin had nothing and the answers ran as
        // commands); then, or otherwise, lines of stdin.
        var input = BatchInput(context)
        var index = tutorial.steps.firstIndex { !context.state.completedSteps.contains(runner.key($0)) } ?? 0
        while index < tutorial.steps.count {
            let step = tutorial.steps[index]
            out.write("\nStep \(step.number) of \(tutorial.steps.count) - \(step.title)\n\(step.explanation)\n\n")
            out.write(runner.display(step))
            out.write("\nType or paste the command (Enter alone runs it for you, s skips, q quits):\n> ")
            context.io.flush()
            guard
                let answer = input.nextScriptLine()
                    ?? context.io.stdin.readLine().map({ String(decoding: $0, as: UTF8.self) })
            else {
                out.write("\n")
                break
            }
            let typed = answer.trimmingSpaces
            if typed == "q" { break }
            if typed == "s" {
                index += 1
                continue
            }
            let source = typed.isEmpty ? step.source : typed
            let (_, passed) = runner.run(step, source: source, context: &context)
            if context.state.exitRequest != nil || context.isInterrupted { break }
            if passed {
                out.write(runner.highlight("✓ step \(step.number) done") + "\n")
                index += 1
            } else {
                out.write("Not quite. Fix what is said above and try again (or s to skip).\n")
            }
        }
        if index >= tutorial.steps.count {
            out.write("\nAll steps of \(tutorial.title) are done. `tutorial list` shows the others.\n")
        }
        return .success
    }

}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" || text.last == "\r" { text.removeLast() }
        return String(text)
    }
}
