/// Reads one line of input after showing a prompt.
public protocol LineReader {
    /// Returns the next line without its newline, or nil at end of input.
    mutating func readLine(prompt: String) -> String?
}
