import ShellRuntime

/// The PS1/PS2 prompts: `lp:ACCOUNT $ ` (or `lp:sandbox $ `), and `> ` while a command continues.
struct Prompt {
    var usesColor: Bool

    func primary(state: ShellState) -> String {
        let account = state.variables["LP_SANDBOX"] == "1" ? "sandbox" : (state.variables["LP_ACCOUNT"] ?? "no-account")
        let status = state.lastStatus.isSuccess ? "" : " [\(state.lastStatus.rawValue)]"
        guard usesColor else { return "lp:\(account)\(status) $ " }
        // \u{01}/\u{02} tell readline the escape sequences take no columns.
        let cyan = "\u{01}\u{1B}[36m\u{02}"
        let red = "\u{01}\u{1B}[31m\u{02}"
        let reset = "\u{01}\u{1B}[0m\u{02}"
        return "\(cyan)lp:\(account)\(reset)\(status.isEmpty ? "" : red + status + reset) $ "
    }

    func continuation() -> String { "> " }
}
