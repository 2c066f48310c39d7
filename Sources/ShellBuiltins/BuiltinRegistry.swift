import ShellRuntime

/// The table of every builtin lp-shell has, by name. Adding a builtin means one file and one line here.
public enum BuiltinRegistry {
    /// Every builtin type, sorted by name.
    public static let all: [any Builtin.Type] = [
        Cd.self,
        Clear.self,
        Colon.self,
        Echo.self,
        Env.self,
        Eval.self,
        Exit.self,
        Export.self,
        False.self,
        Help.self,
        History.self,
        Printf.self,
        Pwd.self,
        Read.self,
        Readonly.self,
        SetCommand.self,
        Shift.self,
        Source.self,
        Test.self,
        True.self,
        TypeCommand.self,
        Unset.self,
        WSCat.self,
    ]
    .sorted { $0.name < $1.name }
}
