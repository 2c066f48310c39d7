import LivePersonSession
import ShellBuiltins
import ShellRuntime

/// The table of every builtin lp-shell has, by name: the standard ones and the LivePerson layer's, which takes
/// the place of a standard one of the same name (wscat speaking LivePerson's messaging protocol).
public enum BuiltinRegistry {
    /// Every builtin type, sorted by name.
    public static let all: [any Builtin.Type] = {
        let layered = Set(LivePersonBuiltins.all.map { $0.name })
        let standard = StandardBuiltins.all.filter { !layered.contains($0.name) }
        return (standard + LivePersonBuiltins.all).sorted { $0.name < $1.name }
    }()
}
