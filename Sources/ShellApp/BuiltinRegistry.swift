import LivePersonSession
import ShellBuiltins
import ShellRuntime

/// The table of every builtin lp-shell has, by name: the standard ones and the LivePerson layer's, which takes
/// the place of a standard one of the same name (wscat speaking LivePerson's messaging protocol).
public enum BuiltinRegistry {
    /// Every builtin type (the interpreter sorts them by name). The layer's few names are a short list: a
    /// hashed set of them cost more at start-up than it saved.
    public static let all: [any Builtin.Type] = {
        let layered = LivePersonBuiltins.all.map { $0.name }
        return StandardBuiltins.all.filter { !layered.contains($0.name) } + LivePersonBuiltins.all
    }()
}
