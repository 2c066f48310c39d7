/// Reads one line of input after showing a prompt.
public protocol LineReader: AnyObject {
    /// Returns the next line without its newline, or nil at end of input.
    func readLine(prompt: String) -> ReadResult
}

/// What reading a line produced.
public enum ReadResult: Equatable, Sendable {
    /// A line of text (without the newline).
    case line(String)
    /// Ctrl-C at the prompt: the line was discarded.
    case interrupted
    /// End of input (Ctrl-D on an empty line, or end of file).
    case endOfInput
}
