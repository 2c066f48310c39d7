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
        case .account(let account):
            lines.append(
                "Account \(account): service hosts from CSDS are in LP_IDP, LP_ASYNCMESSAGINGENT, … (`env | grep ^LP_`)."
            )
            lines.append("Start without LP_ACCOUNT (or with --sandbox) to work against the embedded sandbox.")
        case .offline:
            lines.append("Offline: using cached service hosts only. Start with --sandbox to work without a network.")
        case .none:
            lines.append("No LivePerson services are set up.")
        }
        lines.append("`tutorial` walks you through the unauthenticated messaging tutorial; `step` lists its steps.")
        io.stderr.write(lines.joined(separator: "\n") + "\n")
        io.stderr.flush()
    }
}
