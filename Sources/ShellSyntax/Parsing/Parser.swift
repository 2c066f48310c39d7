/// Parses shell source text into a `Script`.
///
/// ```swift
/// let script = try Parser.parse("LP_JWT=`curl -s https://$LP_IDP/x | jq -r .token`")
/// ```
///
/// The parser is a single pass over UTF-8 bytes with modes for unquoted, double-quoted, backtick and
/// `${…}` text (as Oils' modal lexer); command substitutions are parsed when the word is, so their
/// errors point into the original line.
public struct Parser {
    var bytes: [UInt8]
    var position = 0
    /// Parsing stops at this offset (heredoc bodies are parsed with a narrower bound).
    var limit: Int
    /// Where the next heredoc body starts, while heredocs are pending on the current line.
    var heredocCursor: Int?
    /// The newline offset after which pending heredoc bodies sit, and where parsing resumes past them.
    var heredocSkip: (newline: Int, resume: Int)?
    /// How deeply constructs are nested (guards against stack exhaustion on hostile input).
    var depth = 0

    static let maximumDepth = 200

    /// Room reserved up front for a word's parts and for a simple command's words. A tutorial word has up to about
    /// four parts (`https://$LP_IDP/api/$LP_ACCOUNT`), a command up to about eight words; growing an array from
    /// empty instead costs an allocation and a copy at each doubling, which showed in the parse profile.
    static let typicalPartCount = 4
    static let typicalWordCount = 8

    init(source: String) {
        self.init(bytes: Array(source.utf8))
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.limit = bytes.count
    }

    /// Parses a complete script.
    /// - Throws: `SyntaxError`, with `isIncomplete` set when more input could complete it.
    public static func parse(_ source: String) throws(SyntaxError) -> Script {
        var parser = Parser(source: source)
        let script = try parser.parseScript(stopWords: [])
        parser.skipSeparatorsAndComments()
        if !parser.isAtEnd {
            throw parser.unexpectedTokenError()
        }
        return script
    }

    var isAtEnd: Bool { position >= limit }

    func peek(_ offset: Int = 0) -> UInt8? {
        let index = position + offset
        return index < limit ? bytes[index] : nil
    }

    /// The offset of the first byte at or after `offset` (before `limit`) that `stops`, or `limit`. Scanning loops
    /// use it: a slice's search runs without a bounds check per byte, which `peek()` makes.
    func firstOffset(from offset: Int, where stops: (UInt8) -> Bool) -> Int {
        bytes[offset..<limit].firstIndex(where: stops) ?? limit
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    func range(from start: Int) -> SourceRange {
        SourceRange(start: start, end: max(position, start))
    }

    func point(_ offset: Int) -> SourceRange {
        SourceRange(start: offset, end: min(offset + 1, max(bytes.count, offset + 1)))
    }

    mutating func enterNesting(at start: Int) throws(SyntaxError) {
        depth += 1
        if depth > Parser.maximumDepth {
            throw SyntaxError("nesting is deeper than \(Parser.maximumDepth) levels", at: point(start))
        }
    }

    /// Consumes a newline, jumping over heredoc bodies that follow it.
    mutating func consumeNewline() {
        let newline = position
        position += 1
        if let skip = heredocSkip, skip.newline == newline {
            position = skip.resume
            heredocSkip = nil
            heredocCursor = nil
        }
    }
}

extension Parser {
    /// Parses text the way a heredoc body or double-quoted string is read: `$…`, `` `…` `` and `\` escapes,
    /// no quote characters (used for arithmetic and for tutorial text with placeholders).
    public static func parseExpandableText(_ text: String) throws(SyntaxError) -> [WordPart] {
        var parser = Parser(source: text)
        return try parser.parseDoubleQuotedContent(until: nil, openedAt: 0)
    }
}
