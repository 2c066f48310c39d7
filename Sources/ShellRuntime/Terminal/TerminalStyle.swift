/// Whether text written to one stream gets ANSI colour, and the escape sequences lp-shell uses: the one place
/// that decides colour and the one place that spells `ESC [`.
///
/// Colour is on only when the stream is a terminal, `TERM` is not `dumb`, and `NO_COLOR` is absent. `NO_COLOR`
/// turns colour off when it is present at all, even empty (the issue's rule; no-color.org now says "present and
/// not an empty string", jq 1.7.1 follows that wording, see ``jqUsesColor(isTerminal:environment:)``).
public struct TerminalStyle: Sendable, Hashable {
    /// True when ``paint(_:_:)`` adds escape sequences.
    public var usesColor: Bool

    /// A style with colour on or off as given.
    public init(usesColor: Bool) {
        self.usesColor = usesColor
    }

    /// The style for a stream: colour when it is a terminal, `TERM` is not `dumb` and `NO_COLOR` is not set.
    /// - Parameters:
    ///   - isTerminal: whether the stream is a terminal (`isatty`).
    ///   - environment: the variables to read `NO_COLOR` and `TERM` from.
    public init(isTerminal: Bool, environment: [String: String]) {
        self.init(isTerminal: isTerminal) { environment[$0] }
    }

    /// The same decision with the variables read through `lookup` (`getenv` for the process environment).
    public init(isTerminal: Bool, lookup: (String) -> String?) {
        usesColor = isTerminal && lookup("NO_COLOR") == nil && lookup("TERM") != "dumb"
    }

    /// No colour.
    public static let plain = TerminalStyle(usesColor: false)

    /// jq 1.7.1's own decision, kept for `jq` and `curl --pretty` (which promises jq's colours): colour when
    /// stdout is a terminal and `NO_COLOR` is unset or empty. jq reads neither `TERM` nor an empty `NO_COLOR`.
    public static func jqUsesColor(isTerminal: Bool, environment: [String: String]) -> Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// `text` between `attribute`'s escape sequence and a reset, or `text` alone without colour.
    public func paint(_ text: String, _ attribute: Attribute) -> String {
        usesColor ? attribute.sequence + text + Attribute.reset.sequence : text
    }

    /// Like ``paint(_:_:)``, with the escapes wrapped in readline's `\001`…`\002` so that they take no columns
    /// in a prompt.
    public func paintForPrompt(_ text: String, _ attribute: Attribute) -> String {
        guard usesColor else { return text }
        return "\u{01}\(attribute.sequence)\u{02}\(text)\u{01}\(Attribute.reset.sequence)\u{02}"
    }
}
