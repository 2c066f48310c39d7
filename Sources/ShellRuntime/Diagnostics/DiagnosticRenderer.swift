import ShellSyntax

/// Renders every ``Diagnostic`` the one way lp-shell shows them (gojq/Oils style):
///
/// ```
/// lp-shell: syntax error: unterminated double quote
///   echo "hello
///        ^
/// ```
///
/// Every secret in the text is masked (``masked(_:)``). A diagnostic without a location is one line: `lp-shell: <message>`, `lp-shell: warning: <message>`.
public struct DiagnosticRenderer: Sendable {
    /// The program name that starts each message.
    public var programName: String
    /// The colours of labels and carets (on only when stderr is a terminal, see ``TerminalStyle``).
    public var style: TerminalStyle

    /// Whether labels and carets are coloured.
    public var usesColor: Bool { style.usesColor }

    /// Creates a renderer.
    public init(programName: String = "lp-shell", style: TerminalStyle = .plain) {
        self.programName = programName
        self.style = style
    }

    /// Creates a renderer with colour on or off.
    public init(programName: String = "lp-shell", usesColor: Bool) {
        self.init(programName: programName, style: TerminalStyle(usesColor: usesColor))
    }

    /// The text for `diagnostic`: the message line and, when it has a location, the line and a caret line.
    public func render(_ diagnostic: Diagnostic) -> String {
        var text = "\(diagnostic.programName ?? programName): "
        if let location = diagnostic.location {
            if let fileName = location.source.fileName {
                text += "\(fileName): line \(location.lineNumber): "
            } else if location.lineNumber > 1 {
                text += "line \(location.lineNumber): "
            }
        }
        if let label = diagnostic.label { text += style.paint(label, labelAttribute(diagnostic.severity)) + ": " }
        text = Self.masked(text + diagnostic.message + "\n")
        guard let excerpt = diagnostic.location?.excerpt else { return text }
        return text + "  \(excerpt.line)\n  \(excerpt.caretIndent)\(style.paint(excerpt.carets, .boldGreen))\n"
    }

    /// The text for a syntax error in `source`.
    ///
    /// `firstLineNumber` is the line of the file or script where `source` starts.
    public func render(
        _ error: SyntaxError, in source: String, fileName: String? = nil, firstLineNumber: Int = 1
    ) -> String {
        let text = SourceText(source, fileName: fileName, firstLineNumber: firstLineNumber)
        return render(
            Diagnostic(.error, error.message, kind: "syntax error", location: SourceLocation(error.range, in: text)))
    }

    /// A one-line runtime message: `lp-shell: <message>`.
    public func render(message: String) -> String {
        render(Diagnostic(.error, message))
    }

    /// A one-line warning: `lp-shell: warning: <message>`.
    public func render(warning: String) -> String {
        render(Diagnostic(.warning, warning))
    }

    /// A one-line note: `lp-shell: note: <message>`.
    public func render(note: String) -> String {
        render(Diagnostic(.note, note))
    }

    /// `text` with every secret masked (JWTs as `eyJr…Q`, passwords as `…`): the one masking point every
    /// diagnostic passes, whether rendered here or worded by a builtin (``ByteOutput/writeDiagnostic(_:)``).
    /// Source excerpts mask their JWTs themselves, so that carets stay under their token.
    public static func masked(_ text: String) -> String {
        let masked = SecretMasking.mask(text)
        RecentDiagnostics.record(masked)
        return masked
    }

    private func labelAttribute(_ severity: Diagnostic.Severity) -> TerminalStyle.Attribute {
        switch severity {
        case .error: .boldRed
        case .warning: .yellow
        case .note: .cyan
        }
    }
}
