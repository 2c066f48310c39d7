import LivePersonSession
import ShellBuiltins
import ShellRuntime

/// The prompts: `lp:ACCOUNT [jwt 9m] $ ` (the badge yellow under a minute, red once expired), and `> ` while a
/// command continues.
struct Prompt {
    var usesColor: Bool

    func primary(state: ShellState) -> String {
        let account = state.variables["LP_SANDBOX"] == "1" ? "sandbox" : (state.variables["LP_ACCOUNT"] ?? "no-account")
        let status = state.lastStatus.isSuccess ? "" : " [\(state.lastStatus.rawValue)]"
        let badge = SessionAdvisor.promptBadge(state: state)
        guard usesColor else {
            return "lp:\(account)" + (badge.map { " [\($0.text)]" } ?? "") + "\(status) $ "
        }
        // \u{01}/\u{02} tell readline the escape sequences take no columns.
        func color(_ code: String, _ text: String) -> String {
            "\u{01}\u{1B}[\(code)m\u{02}\(text)\u{01}\u{1B}[0m\u{02}"
        }
        var prompt = color("36", "lp:\(account)")
        if let badge {
            let code: String
            switch badge.severity {
            case .fine: code = "32"
            case .soon: code = "33"
            case .expired: code = "31"
            }
            prompt += " " + color(code, "[\(badge.text)]")
        }
        if !status.isEmpty { prompt += color("31", status) }
        return prompt + " $ "
    }

    func continuation() -> String { "> " }
}
