import ShellRuntime

/// The builtins that know nothing of LivePerson: the shell's own commands and the doc tools. ShellApp composes
/// them with the LivePerson layer's into the shell's registry. Adding a builtin means one file and one line here.
public enum StandardBuiltins {
    /// Every standard builtin type.
    public static let all: [any Builtin.Type] = [
        // Shell
        Alias.self,
        Break.self,
        BuiltinCommand.self,
        Cd.self,
        Clear.self,
        Colon.self,
        Command.self,
        Continue.self,
        Echo.self,
        Env.self,
        Eval.self,
        Exec.self,
        Exit.self,
        Export.self,
        False.self,
        Fg.self,
        Getopts.self,
        Hash.self,
        Help.self,
        History.self,
        Jobs.self,
        Kill.self,
        Local.self,
        Printf.self,
        Pwd.self,
        Read.self,
        Readonly.self,
        Return.self,
        SetCommand.self,
        Shift.self,
        Source.self,
        Test.self,
        Times.self,
        Trap.self,
        True.self,
        TypeCommand.self,
        Umask.self,
        Unalias.self,
        Unset.self,
        Wait.self,
        // Doc tools
        Base64.self,
        Curl.self,
        JQ.self,
        JWT.self,
        PlainWSCat.self,
    ]
}
