import LivePersonSandbox
import ShellRuntime

/// `lp-shell sandbox …`: the embedded LivePerson sandbox alone, in the foreground.
enum SandboxLauncher {
    static func runForeground(arguments: [String], io: IOStreams) -> Int32 {
        io.flush()
        return SandboxCommand.run(arguments: arguments)
    }
}
