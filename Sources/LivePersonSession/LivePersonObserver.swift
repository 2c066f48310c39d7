import ShellRuntime

/// The LivePerson layer's advice as the shell runs commands (see `SessionAdvisor`): it watches the `LP_*`
/// variables, says which step sets one that is unset, explains `$LP_APP_CONN_ID` the first time, and warns before
/// an expired token is used. ShellApp installs it as the interpreter's observer.
package struct LivePersonObserver: ShellObserver {
    let renderer: DiagnosticRenderer
    /// Notes shown once per session, whichever copy of the state (a subshell, `$(…)`) showed them.
    let notes = SessionNotes()

    package init(renderer: DiagnosticRenderer) {
        self.renderer = renderer
    }

    package func watches(variable name: String) -> Bool { name.hasPrefix("LP_") }

    package func didExpand(variable name: String, state: inout ShellState, io: IOStreams) {
        notes.sharing(&state) { SessionAdvisor.noteExpansion(of: name, state: &$0, io: io, renderer: renderer) }
    }

    package func hint(forUnset name: String, state: ShellState) -> String? {
        SessionAdvisor.hint(forUnset: name, state: state)
    }

    package func willRun(_ words: [String], state: inout ShellState, io: IOStreams) {
        SessionAdvisor.checkTokens(in: words, state: &state, io: io, renderer: renderer)
        SessionAdvisor.checkPlainHTTP(in: words, state: state, io: io, renderer: renderer)
        SessionAdvisor.checkExampleDownload(in: words, state: state, io: io, renderer: renderer)
        SessionAdvisor.checkUsersAPIPlaceholders(in: words, state: state, io: io, renderer: renderer)
    }
}
