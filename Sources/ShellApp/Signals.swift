import CShellSupport
import LineEditing
import ShellRuntime

/// Process-wide signal set-up: SIGPIPE ignored (writes fail with EPIPE), SIGINT sets the interrupt flag, a trap
/// prints one line and exits (never Swift's crash reporter, which waits for a key at a terminal).
enum Signals {
    static func install() {
        installCrashHandlers()
        cshell_ignore_sigpipe()
        cshell_install_sigint { _ in
            InterruptState.signal()
            noteInterruptForReadline()
        }
    }

    /// A trap prints one line and exits; `lp-shell sandbox` installs only this.
    static func installCrashHandlers() {
        cshell_install_crash_handlers()
    }
}
