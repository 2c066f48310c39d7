import ShellRuntime

/// `lp-shell sandbox …`: the embedded LivePerson sandbox in the foreground.
enum SandboxLauncher {
    static func runForeground(arguments: [String], io: IOStreams) -> Int32 {
        io.stderr.write("lp-shell: sandbox: not available in this build yet\n")
        io.flush()
        return ExitStatus.failure.rawValue
    }
}
