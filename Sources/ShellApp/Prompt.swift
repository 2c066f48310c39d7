import LivePersonSession
import ShellBuiltins
import ShellRuntime

/// The prompts: `lp:ACCOUNT [jwt 9m] $ ` (the badge yellow under a minute, red once expired), and `> ` while a
/// command continues.
struct Prompt {
    var style: TerminalStyle

    func primary(state: ShellState) -> String {
        let account =
            switch state.variables["LP_SANDBOX"] {
            case "1": "sandbox"
            case "class": "class"
            default: state.variables["LP_ACCOUNT"] ?? "no-account"
            }
        let status = state.lastStatus.isSuccess ? "" : " [\(state.lastStatus.rawValue)]"
        let badge = SessionAdvisor.promptBadge(state: state)
        guard style.usesColor else {
            return "lp:\(account)" + (badge.map { " [\($0.text)]" } ?? "") + "\(status) $ "
        }
        var prompt = style.paintForPrompt("lp:\(account)", .cyan)
        if let badge {
            let attribute: TerminalStyle.Attribute
            switch badge.severity {
            case .fine: attribute = .green
            case .soon: attribute = .yellow
            case .expired: attribute = .red
            }
            prompt += " " + style.paintForPrompt("[\(badge.text)]", attribute)
        }
        if !status.isEmpty { prompt += style.paintForPrompt(status, .red) }
        return prompt + " $ "
    }

    func continuation() -> String { "> " }
}
