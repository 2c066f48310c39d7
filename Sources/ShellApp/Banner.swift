import ShellRuntime

/// The start-up banner at a terminal: which mode is on and how to switch.
enum Banner {
    static func print(mode: LivePersonStartup.Mode, state: ShellState, io: IOStreams, style: TerminalStyle) {
        func bold(_ text: String) -> String { style.paint(text, .bold) }
        var lines = [
            "\(bold("lp-shell \(LPShell.version)")) — paste the tutorials' commands as they are; `help` lists builtins."
        ]
        switch mode {
        case .sandbox(let port):
            let account = state.variables["LP_ACCOUNT"] ?? "sandbox"
            let connector = state.variables["LP_CONN_ID"] ?? "?"
            lines.append(
                "Sandbox mode: an embedded LivePerson emulator on https://127.0.0.1:\(port) "
                    + "(account \(account), connector \(connector)).")
            lines.append("To use a real account, start with --env LP_ACCOUNT=<id> (or --env-file lp.env).")
        case .classroom(let address, let learner, let account, let className):
            let name = className.map { "“\($0)” " } ?? ""
            lines.append(
                "Class mode: you joined the class \(name)at https://\(address) as \(learner) (account \(account)).")
            lines.append(
                "Your steps, your last error and your tokens' states (never their values) are shown to the teacher.")
        case .account(let account, let hosts):
            lines.append(accountLine(account, hosts))
            lines.append("Start without LP_ACCOUNT (or with --sandbox) to work against the embedded sandbox.")
        case .offline(.missing):
            lines.append(
                "Offline, and no service hosts were cached: LP_IDP, LP_ASYNCMESSAGINGENT, … are not set. Start "
                    + "without --offline to look them up, or with --sandbox to work without a network.")
        case .offline:
            lines.append("Offline: using cached service hosts only. Start with --sandbox to work without a network.")
        case .none:
            lines.append("No LivePerson services are set up.")
        }
        lines.append("`tutorial` walks you through the unauthenticated messaging tutorial; `step` lists its steps.")
        io.stderr.write(lines.joined(separator: "\n") + "\n")
        io.stderr.flush()
    }

    /// What the shell knows of a real account's services: never hosts that are not there.
    static func accountLine(_ account: String, _ hosts: LivePersonStartup.Hosts) -> String {
        switch hosts {
        case .found:
            return
                "Account \(account): service hosts from CSDS are in LP_IDP, LP_ASYNCMESSAGINGENT, … (`env | grep ^LP_`)."
        case .stale:
            return "Account \(account): CSDS did not answer; the service hosts cached earlier are set (`env | grep "
                + "^LP_`) and may be out of date. To look them up again, `exit` and start lp-shell again."
        case .missing:
            return "Account \(account): no service hosts (the CSDS lookup failed): LP_IDP, LP_ASYNCMESSAGINGENT, … are "
                + "not set. Check LP_ACCOUNT and the network, then `exit` and start lp-shell again to retry."
        }
    }
}
