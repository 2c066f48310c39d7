import CShellSupport
import LineEditing
import ShellRuntime

/// Process-wide signal set-up: SIGPIPE ignored (writes fail with EPIPE), SIGINT sets the interrupt flag.
enum Signals {
    static func install() {
        cshell_ignore_sigpipe()
        cshell_install_sigint { _ in
            InterruptState.signal()
            noteInterruptForReadline()
        }
    }
}
