import ShellSyntax

/// Renders located errors the one way lp-shell shows them (gojq/Oils style):
///
/// ```
/// lp-shell: syntax error: unterminated double quote
///   echo "hello
///        ^
/// ```
public struct DiagnosticRenderer: Sendable {
    /// The program name that starts each message.
    public var programName: String
    /// Whether to use ANSI colour (only when stderr is a terminal and `TERM` is not `dumb`).
    public var usesColor: Bool

    /// Creates a renderer.
    public init(programName: String = "lp-shell", usesColor: Bool = false) {
        self.programName = programName
        self.usesColor = usesColor
    }

    /// The text for a syntax error in `source` (one message line, the source line, a caret line).
    ///
    /// `firstLineNumber` is the line of the file or script where `source` starts (a script runs command by
    /// command, so the failing command's text may start on a later line).
    public func render(
        _ error: SyntaxError, in source: String, fileName: String? = nil, firstLineNumber: Int = 1
    ) -> String {
        let bytes = Array(source.utf8)
        let start = min(max(0, error.range.start), bytes.count)
        var lineStart = start
        while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var lineEnd = start
        while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        let lineNumber = bytes[..<lineStart].filter { $0 == UInt8(ascii: "\n") }.count + firstLineNumber
        let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        let column = String(decoding: bytes[lineStart..<start], as: UTF8.self).count
        let width = max(1, min(error.range.end, lineEnd) - start)
        let caretText = String(decoding: bytes[start..<min(start + width, lineEnd)], as: UTF8.self).count
        let carets = String(repeating: "^", count: max(1, caretText))
        let location = fileName.map { "\($0): line \(lineNumber): " } ?? (lineNumber > 1 ? "line \(lineNumber): " : "")
        let indent = line.prefix(column).map { $0 == "\t" ? "\t" : " " }.joined()
        let label = usesColor ? "\u{1B}[1;31msyntax error\u{1B}[0m" : "syntax error"
        let caretLine = usesColor ? "\u{1B}[1;32m\(carets)\u{1B}[0m" : carets
        return "\(programName): \(location)\(label): \(error.message)\n  \(line)\n  \(indent)\(caretLine)\n"
    }

    /// A one-line runtime message: `lp-shell: <message>`.
    public func render(message: String) -> String {
        "\(programName): \(message)\n"
    }

    /// A one-line warning: `lp-shell: warning: <message>`.
    public func render(warning: String) -> String {
        let label = usesColor ? "\u{1B}[33mwarning\u{1B}[0m" : "warning"
        return "\(programName): \(label): \(warning)\n"
    }

    /// A one-line note: `lp-shell: note: <message>`.
    public func render(note: String) -> String {
        let label = usesColor ? "\u{1B}[36mnote\u{1B}[0m" : "note"
        return "\(programName): \(label): \(note)\n"
    }
}
