extension TerminalStyle {
    /// An SGR attribute (`ESC [ <parameters> m`): a colour, bold, dim, or a combination such as `1;31`.
    public struct Attribute: Sendable, Hashable {
        /// The parameters between `ESC [` and `m`.
        public var parameters: String

        /// An attribute from its SGR parameters (`"1;36"`).
        public init(_ parameters: String) {
            self.parameters = parameters
        }

        /// The escape sequence that turns the attribute on.
        public var sequence: String { "\u{1B}[\(parameters)m" }

        public static let reset = Attribute("0")
        public static let bold = Attribute("1")
        public static let dim = Attribute("2")
        public static let red = Attribute("31")
        public static let green = Attribute("32")
        public static let yellow = Attribute("33")
        public static let cyan = Attribute("36")
        public static let boldRed = Attribute("1;31")
        public static let boldGreen = Attribute("1;32")
        public static let boldCyan = Attribute("1;36")
    }

    /// Moves the cursor home and clears the screen and the scroll-back (`clear`).
    public static let clearScreen = "\u{1B}[H\u{1B}[2J\u{1B}[3J"
    /// Returns to the start of the line and erases it (a spinner's last frame).
    public static let eraseLine = "\r\u{1B}[K"
}
