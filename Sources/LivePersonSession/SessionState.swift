import ShellRuntime

/// What the LivePerson layer keeps in the shell's state (`ShellState.layers`), under keys only it knows.
extension ShellState {
    /// Variables lp-shell set at start-up from CSDS or the sandbox (service hosts); `save` leaves them out.
    package var derivedVariables: Set<String> {
        get { layers[DerivedVariables.self] }
        set { layers[DerivedVariables.self] = newValue }
    }

    /// Tutorial steps completed this session, as `tutorial:number`.
    package var completedSteps: Set<String> {
        get { layers[CompletedSteps.self] }
        set { layers[CompletedSteps.self] = newValue }
    }

    /// Where `record` appends each command (masked), or nil.
    package var transcriptPath: String? {
        get { layers[TranscriptPath.self] }
        set { layers[TranscriptPath.self] = newValue }
    }
}

private enum DerivedVariables: ShellStateKey {
    static var defaultValue: Set<String> { [] }
}

private enum CompletedSteps: ShellStateKey {
    static var defaultValue: Set<String> { [] }
}

private enum TranscriptPath: ShellStateKey {
    static var defaultValue: String? { nil }
}
