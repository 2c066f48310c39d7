import LivePersonSandbox
import LivePersonSession
import ShellRuntime

/// `lp-shell sandbox …`: the embedded LivePerson sandbox alone, in the foreground.
enum SandboxLauncher {
    static func runForeground(arguments: [String], io: IOStreams) -> Int32 {
        io.flush()
        return SandboxCommand.run(arguments: arguments)
    }

    /// `lp-shell class …`: a class sandbox in the foreground, its dashboard listing the tutorials' steps.
    static func runClass(arguments: [String], environment: [String: String], io: IOStreams) -> Int32 {
        io.flush()
        let steps = TutorialCatalog.allSteps(environment: environment).map {
            ClassStep(tutorial: $0.tutorial, id: String($0.number), title: $0.title)
        }
        return ClassCommand.run(arguments: arguments, steps: steps)
    }
}

extension SandboxLauncher {
    /// The folders the sandbox keeps its keys and data in under `arguments` (`--ca-dir`, `--data`); empty when
    /// neither is given (the default folder) or the arguments do not parse (the sandbox says why).
    static func secretFolders(arguments: [String], classroom: Bool = false) -> [String] {
        guard !arguments.isEmpty,
            let configuration = try? classroom
                ? SandboxConfiguration.parseClass(arguments: arguments)
                : SandboxConfiguration.parse(arguments: arguments)
        else {
            return []
        }
        var folders = [configuration.resolvedCADirectory()]
        if let data = configuration.dataDirectory, !folders.contains(data) { folders.append(data) }
        return configuration.caDirectory == nil && configuration.dataDirectory == nil ? [] : folders
    }
}
