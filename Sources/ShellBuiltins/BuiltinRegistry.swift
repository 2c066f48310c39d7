import ShellRuntime

/// The table of every builtin lp-shell has, by name. Adding a builtin means one file and one line here.
public enum BuiltinRegistry {
    /// Every builtin type, sorted by name.
    public static let all: [any Builtin.Type] = [
        // Shell
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
        // Doc tools
        Base64.self,
        Curl.self,
        JQ.self,
        JWT.self,
        WSCat.self,
        // LivePerson layer
        Load.self,
        Record.self,
        Replay.self,
        Save.self,
        Step.self,
        Tokens.self,
        TutorialCommand.self,
    ]
    .sorted { $0.name < $1.name }
}
