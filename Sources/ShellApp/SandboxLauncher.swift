import LivePersonSandbox
import ShellRuntime

/// `lp-shell sandbox …`: the embedded LivePerson sandbox alone, in the foreground.
enum SandboxLauncher {
    static func runForeground(arguments: [String], io: IOStreams) -> Int32 {
        io.flush()
        return SandboxCommand.run(arguments: arguments)
    }
}

extension SandboxLauncher {
    /// The folders the sandbox keeps its keys and data in under `arguments` (`--ca-dir`, `--data`); empty when
    /// neither is given (the default folder) or the arguments do not parse (the sandbox says why).
    static func secretFolders(arguments: [String]) -> [String] {
        guard !arguments.isEmpty, let configuration = try? SandboxConfiguration.parse(arguments: arguments) else {
            return []
        }
        var folders = [configuration.resolvedCADirectory()]
        if let data = configuration.dataDirectory, !folders.contains(data) { folders.append(data) }
        return configuration.caDirectory == nil && configuration.dataDirectory == nil ? [] : folders
    }
}
