/// Text commands were parsed from, with the name and line it is reported under.
public struct SourceText: Sendable, Hashable {
    /// The text itself.
    public var text: String
    /// The script's file name; nil for `-c`, standard input and the REPL.
    public var fileName: String?
    /// The line of the file or script where `text` starts (a script runs command by command, so a command's text
    /// may start on a later line).
    public var firstLineNumber: Int

    /// Creates a source text.
    public init(_ text: String, fileName: String? = nil, firstLineNumber: Int = 1) {
        self.text = text
        self.fileName = fileName
        self.firstLineNumber = firstLineNumber
    }
}
