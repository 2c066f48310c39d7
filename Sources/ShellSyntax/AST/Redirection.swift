/// `>file`, `2>&1`, `<<EOF` …
public struct Redirection: Sendable, Hashable {
    /// The descriptor redirected (nil: the operator's default, 0 for input and 1 for output).
    public var fileDescriptor: Int?
    /// The operator.
    public var operation: RedirectionOperator
    /// The target word (a file name, or a descriptor number for `>&`/`<&`); the delimiter for heredocs.
    public var target: Word
    /// The body of a heredoc.
    public var heredoc: Heredoc?
    /// Where the redirection is in the source.
    public var range: SourceRange

    /// Creates a redirection.
    public init(
        fileDescriptor: Int?,
        operation: RedirectionOperator,
        target: Word,
        heredoc: Heredoc? = nil,
        range: SourceRange
    ) {
        self.fileDescriptor = fileDescriptor
        self.operation = operation
        self.target = target
        self.heredoc = heredoc
        self.range = range
    }

    /// The descriptor this redirection changes.
    public var effectiveDescriptor: Int {
        if let fileDescriptor { return fileDescriptor }
        switch operation {
        case .input, .duplicateInput, .heredoc, .heredocStrippingTabs, .readWrite: return 0
        case .output, .append, .clobber, .duplicateOutput, .outputAndError, .appendOutputAndError: return 1
        }
    }
}

/// A redirection operator.
public enum RedirectionOperator: String, Sendable, Hashable {
    /// `<`.
    case input = "<"
    /// `>`.
    case output = ">"
    /// `>>`.
    case append = ">>"
    /// `>|`.
    case clobber = ">|"
    /// `<>`.
    case readWrite = "<>"
    /// `<&`.
    case duplicateInput = "<&"
    /// `>&`.
    case duplicateOutput = ">&"
    /// `&>` (bash: stdout and stderr to a file).
    case outputAndError = "&>"
    /// `&>>` (bash: stdout and stderr appended to a file).
    case appendOutputAndError = "&>>"
    /// `<<`.
    case heredoc = "<<"
    /// `<<-`.
    case heredocStrippingTabs = "<<-"
}

/// The body of a heredoc.
public struct Heredoc: Sendable, Hashable {
    /// The body: literal text when the delimiter was quoted, else parts like a double-quoted string.
    public var body: [WordPart]
    /// True when the delimiter was quoted (`<<'EOF'`), so the body is not expanded.
    public var isQuoted: Bool
    /// The delimiter after quote removal.
    public var delimiter: String

    /// Creates a heredoc.
    public init(body: [WordPart], isQuoted: Bool, delimiter: String) {
        self.body = body
        self.isQuoted = isQuoted
        self.delimiter = delimiter
    }
}
