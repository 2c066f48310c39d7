import JSONQuery
import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// How received frames and status lines look: one compact line per frame in batch mode (a diffable transcript),
/// `< ` and pretty, coloured JSON at a terminal.
struct FrameFormatter {
    var interactive: Bool
    var color: Bool
    var raw: Bool
    var timestamps: Bool

    private enum Style {
        static let prompt = TerminalStyle.Attribute.boldCyan
        static let dim = TerminalStyle.Attribute.dim
        static let error = TerminalStyle.Attribute.boldRed
        static let note = TerminalStyle.Attribute.yellow
    }

    private var style: TerminalStyle { TerminalStyle(usesColor: color) }

    /// A received text frame, ending with a newline.
    func received(_ text: String, _ frame: WSCatIncoming) -> String {
        let stamp = timestamps ? Self.clock() + " " : ""
        guard interactive else {
            // A frame already in compact form (the server's usual) is written as it came, not printed anew.
            let body = raw || FrameJSON.isCompact(text) ? text : frame.json.map(FrameJSON.compact) ?? text
            return stamp + body + "\n"
        }
        var lines: [String] = []
        if let type = frame.answers, let id = frame.requestID {
            let code = frame.json?["code"]?.text.map { " \($0)" } ?? ""
            lines.append(paint("< response to #\(id) \(type):\(code)", frame.failed ? Style.error : Style.dim))
        }
        let body: String
        if raw {
            body = text
        } else if let json = frame.json {
            body = FrameJSON.pretty(json, color: color)
        } else {
            body = text
        }
        let arrow = paint("<", Style.prompt)
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            lines.append((index == 0 ? stamp + arrow + " " : "  ") + line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A note (`replaced __YOUR_CONVERSATION_ID__ …`).
    func note(_ text: String) -> String {
        interactive ? paint("note: " + text, Style.note) + "\n" : "wscat: note: \(text)\n"
    }

    /// A problem that does not end the session (an invalid frame, an unknown command).
    func problem(_ text: String) -> String {
        interactive ? paint("error: ", Style.error) + text + "\n" : "wscat: \(text)\n"
    }

    /// Text a command shows (`/help`, `/ids`).
    func shown(_ text: String) -> String { text + "\n" }

    /// The close line: `disconnected: 4401 token expired: …`.
    func closed<Dialect: WSCatDialect>(code: Int?, reason: String?, byUs: Bool, dialect: Dialect.Type) -> String {
        let explanation = CloseCodes.explain(code ?? 1006, reason: reason, dialect: dialect)
        let normal = code == 1000
        let text = "disconnected: " + explanation
        guard interactive else { return "wscat: \(text)\n" }
        return paint(text, normal || byUs ? Style.dim : Style.error) + "\n"
    }

    /// `connected (press Ctrl-D or type /close to return to the shell)`.
    /// - Parameter proxy: the proxy the tunnel goes through, if any (`127.0.0.1:3128`).
    func connected(_ url: String, proxy: String? = nil) -> String {
        let via = proxy.map { " via proxy \($0)" } ?? ""
        return paint(
            "connected to \(url)\(via) (Ctrl-D or /close returns to the shell, /help lists commands)", Style.dim) + "\n"
    }

    /// The prompt, `> ` (or `… ` inside a multi-line frame), coloured at a terminal.
    func prompt(continuing: Bool) -> String {
        let text = continuing ? "… " : "> "
        return style.paintForPrompt(text, Style.prompt)
    }

    private func paint(_ text: String, _ attribute: TerminalStyle.Attribute) -> String {
        style.paint(text, attribute)
    }

    /// `[12:34:56.789]` local time.
    static func clock() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        localtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis = Int(now.tv_nsec / 1_000_000)
        let millisText = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "[\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(millisText)]"
    }
}
