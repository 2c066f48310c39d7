import LivePersonSandbox
import OptionParsing

/// lp-shell's manual page and completion scripts, made from the option tables that `--help` prints.
enum ManualPage {
    /// The shells `--completion` knows.
    static let shells = ["bash", "zsh"]

    static var page: ManPage {
        ManPage(
            name: "lp-shell",
            summary: "a shell for LivePerson's messaging tutorials, with an embedded LivePerson sandbox",
            synopsis: [
                "lp-shell [OPTIONS] [-c COMMAND [NAME [ARG ...]] | SCRIPT [ARG ...]]",
                "lp-shell sandbox [SANDBOX OPTIONS]",
                "lp-shell class [--name NAME] [SANDBOX OPTIONS]",
                "lp-shell --join https://HOST:PORT/#CODE.FINGERPRINT [--name NAME]",
            ],
            description: [
                "lp-shell runs the commands of LivePerson's developer tutorials as they are printed: a POSIX shell "
                    + "language with built-in curl, jq, wscat and base64 that behave like the real tools for the "
                    + "flags the documents use; other commands run from PATH.",
                "With LP_ACCOUNT set it looks up the account's services (CSDS) and sets LP_IDP, "
                    + "LP_ASYNCMESSAGINGENT and the other service variables. Without it (or with --sandbox) it "
                    + "starts an embedded LivePerson sandbox (CSDS, IdP, agent and consumer messaging sockets, a "
                    + "bot agent) on 127.0.0.1 over HTTPS/WSS with a generated CA, so every tutorial works offline.",
                "Inside the shell, step runs the tutorial's steps, tutorial guides through them, tokens shows the "
                    + "session's tokens and help lists the builtins with their options.",
                "lp-shell class runs one sandbox for a whole class and prints a join line for the learners and the "
                    + "dashboard URL (with the teacher key) for the teacher; lp-shell --join with that line trusts the "
                    + "class CA by the fingerprint in it, gives the learner an account of their own and reports their "
                    + "progress (never their tokens) to the dashboard.",
            ],
            optionSections: [
                ("OPTIONS", CommandLineOptions.table),
                ("SANDBOX OPTIONS (lp-shell sandbox)", SandboxConfiguration.table),
            ],
            sections: [
                (
                    "ENVIRONMENT",
                    [
                        "LP_ACCOUNT\tthe LivePerson account; unset means the embedded sandbox",
                        "LP_CONN_ID\tthe connector (installation) id of the tutorials",
                        "NO_COLOR\tno colours when set, even to an empty value; TERM=dumb does the same",
                        "XDG_STATE_HOME\tthe history is kept in $XDG_STATE_HOME/lp-shell/history "
                            + "(default ~/.local/state)",
                        "XDG_DATA_HOME\tthe sandbox's CA and your own tutorials live under $XDG_DATA_HOME/lp-shell "
                            + "(default ~/.local/share)",
                    ]
                ),
                (
                    "FILES",
                    [
                        "~/.local/state/lp-shell/history\tthe readline history (0600; token values are masked)",
                        "~/.local/share/lp-shell/sandbox/\tthe sandbox's CA (ca.pem), certificate and signing key",
                        "~/.local/share/lp-shell/tutorials/*.tutorial\ttutorials of your own, beside the bundled ones",
                    ]
                ),
                (
                    "EXIT STATUS",
                    [
                        "The status of the last command, as in sh(1); 2 for a syntax or usage error, 126 for a "
                            + "command that cannot run, 127 for one that is not found."
                    ]
                ),
                ("SEE ALSO", ["bash(1), curl(1), jq(1), wscat(1); README.md in the project for the tutorials."]),
            ],
            version: "lp-shell \(LPShell.version)", date: "2026-12-06")
    }

    static var completion: ShellCompletion {
        ShellCompletion(
            command: "lp-shell", table: CommandLineOptions.table,
            subcommands: [("sandbox", SandboxConfiguration.table)], choices: ["--completion": shells])
    }

    /// The completion script for `shell`, or nil when it is not bash or zsh.
    static func completionScript(for shell: String) -> String? {
        switch shell {
        case "bash": completion.bash
        case "zsh": completion.zsh
        default: nil
        }
    }
}
