import ShellRuntime

/// The table of every builtin lp-shell has, by name. Adding a builtin means one file and one line here.
public enum BuiltinRegistry {
    /// Every builtin type, sorted by name.
    public static let all: [any Builtin.Type] = [
        JQ.self
    ]
    .sorted { $0.name < $1.name }
}
