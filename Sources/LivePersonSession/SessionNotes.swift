import ShellRuntime
import Synchronization

/// The notes shown so far this session, shared by every copy of the shell state: a command substitution or a
/// subshell runs on a copy, and a note it showed (the `$LP_APP_CONN_ID` one inside step 2's backticks) must not be
/// shown again by the parent.
final class SessionNotes: Sendable {
    private let shown = Mutex<Set<String>>([])

    /// Runs `body` with `state`'s notes completed from the session's, then records the notes it added.
    func sharing(_ state: inout ShellState, _ body: (inout ShellState) -> Void) {
        state.shownNotes.formUnion(shown.withLock { $0 })
        body(&state)
        let notes = state.shownNotes
        shown.withLock { $0.formUnion(notes) }
    }
}
