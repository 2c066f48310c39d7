import ShellBuiltins
import ShellRuntime

/// The LivePerson layer's commands: tutorials and their steps, tokens, saved sessions, recordings, and wscat
/// speaking LivePerson's messaging protocol (in place of the standard, protocol-neutral wscat). Adding one means
/// one file and one line here.
public enum LivePersonBuiltins {
    /// Every LivePerson builtin type.
    public static let all: [any Builtin.Type] = [
        Load.self,
        Record.self,
        Replay.self,
        Save.self,
        SetSiteProperty.self,
        Step.self,
        Tokens.self,
        TutorialCommand.self,
        MessagingWSCat.self,
    ]
}
