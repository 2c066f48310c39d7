import ShellBuiltins

/// The lp-shell program.
public enum LPShell {
    /// Runs lp-shell with the process's arguments and returns its exit status.
    public static func main(arguments: [String]) -> Int32 { 0 }
}
