import LivePersonSession
import ShellBuiltins
import ShellRuntime

/// The table of every builtin lp-shell has, by name: the standard ones and the LivePerson layer's.
public enum BuiltinRegistry {
    /// Every builtin type, sorted by name.
    public static let all: [any Builtin.Type] = (StandardBuiltins.all + LivePersonBuiltins.all).sorted {
        $0.name < $1.name
    }
}
