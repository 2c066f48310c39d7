import ShellSyntax

/// One thing lp-shell tells the user: how serious it is, what happened and, when known, where in which text.
/// It holds data only; ``DiagnosticRenderer`` turns it into text (as swift-format keeps `Diagnostic` apart from
/// its printer).
public struct Diagnostic: Sendable, Hashable {
    /// How serious a diagnostic is.
    public enum Severity: Sendable, Hashable {
        case error
        case warning
        case note
    }

    /// How serious it is.
    public var severity: Severity
    /// A lower-case sentence.
    public var message: String
    /// The kind of error named before the message (`syntax error`); warnings and notes are named by severity.
    public var kind: String?
    /// The text and range the diagnostic points at (the renderer then shows the line and a caret).
    public var location: SourceLocation?
    /// Who speaks (`jq`), when not the renderer's program name.
    public var programName: String?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, _ message: String, kind: String? = nil, location: SourceLocation? = nil,
        programName: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.kind = kind
        self.location = location
        self.programName = programName
    }

    /// The word before the message: the error's kind, `warning` or `note`.
    var label: String? {
        switch severity {
        case .error: kind
        case .warning: "warning"
        case .note: "note"
        }
    }
}

/// A range in a named source text.
public struct SourceLocation: Sendable, Hashable {
    /// The text the range points into.
    public var source: SourceText
    /// UTF-8 offsets into `source.text`.
    public var range: SourceRange

    /// Creates a location.
    public init(_ range: SourceRange, in source: SourceText) {
        self.source = source
        self.range = range
    }

    /// The excerpt to show: the line the range starts on, and the carets under it.
    public var excerpt: SourceExcerpt { SourceExcerpt(text: source.text, range: range) }

    /// The line number in the file or script (the text may start on a later line of it).
    public var lineNumber: Int { excerpt.lineIndex + source.firstLineNumber }
}
