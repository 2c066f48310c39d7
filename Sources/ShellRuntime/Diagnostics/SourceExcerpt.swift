import ShellSyntax

/// The line a range starts on, and the carets under the range, as a diagnostic shows them.
///
/// JWTs in the line are masked (`eyJr…Q`) before it is cut, and the carets move with them, so no diagnostic shows
/// a token in clear.
///
/// A long line is cut to a window around the caret, as gojq does: at most 48 characters before the caret and
/// 64 in all; each cut end is marked with `…` (gojq cuts silently), so the caret stays under its token.
public struct SourceExcerpt: Sendable, Hashable {
    /// Characters kept before the caret, the `…` included.
    public static let charactersBeforeCaret = 48
    /// Characters shown of a line, the `…` marks included.
    public static let maximumWidth = 64

    /// The 0-based index of the line within the text.
    public var lineIndex: Int
    /// The 1-based column of the range's start within its whole line, in characters.
    public var column: Int
    /// The line as shown.
    public var line: String
    /// What goes before the carets: a space per character, with the line's TABs kept so the caret lines up.
    public var caretIndent: String
    /// One `^` per character of the range that is shown (at least one).
    public var carets: String
    /// True when the line was cut.
    public var isWindowed: Bool

    /// The excerpt for `range` (UTF-8 offsets, clamped to the text) in `text`.
    public init(text: String, range: SourceRange) {
        let bytes = Array(text.utf8)
        let start = min(max(0, range.start), bytes.count)
        var lineStart = start
        while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var lineEnd = start
        while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        let end = min(max(range.end, start), lineEnd)
        let unmasked = MaskedLine(
            before: Array(String(decoding: bytes[lineStart..<start], as: UTF8.self)),
            after: Array(String(decoding: bytes[start..<lineEnd], as: UTF8.self)),
            marked: String(decoding: bytes[start..<end], as: UTF8.self).count)
        let (before, after, marked) = unmasked.maskingTokens()

        lineIndex = bytes[..<lineStart].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        column = before.count + 1
        var shownBefore = before[...]
        var head = ""
        if before.count > Self.charactersBeforeCaret {
            shownBefore = before.suffix(Self.charactersBeforeCaret - 1)
            head = "…"
        }
        let room = Self.maximumWidth - head.count - shownBefore.count
        var shownAfter = after[...]
        var tail = ""
        if after.count > room {
            shownAfter = after.prefix(room - 1)
            tail = "…"
        }
        line = head + String(shownBefore) + String(shownAfter) + tail
        caretIndent = String((head + String(shownBefore)).map { $0 == "\t" ? "\t" : " " })
        carets = String(repeating: "^", count: max(1, min(marked, shownAfter.count)))
        isWindowed = !head.isEmpty || !tail.isEmpty
    }
}

/// A line split at the caret, before its JWTs are masked.
private struct MaskedLine {
    var before: [Character]
    var after: [Character]
    var marked: Int

    /// The line with every JWT masked; a caret that started or ended inside a token covers its masked form.
    func maskingTokens() -> (before: [Character], after: [Character], marked: Int) {
        let line = before + after
        let spans = SecretMasking.tokenSpans(in: line)
        guard !spans.isEmpty else { return (before, after, marked) }
        var masked: [Character] = []
        var start = before.count
        var end = before.count + marked
        var position = 0
        var newStart: Int?
        var newEnd: Int?
        for span in spans {
            if newStart == nil && start < span.range.upperBound {
                newStart = masked.count + max(0, start - position)
                if start >= span.range.lowerBound { newStart = masked.count + (span.range.lowerBound - position) }
            }
            masked += line[position..<span.range.lowerBound]
            if newEnd == nil && end <= span.range.lowerBound { newEnd = masked.count - (span.range.lowerBound - end) }
            masked += Array(span.masked)
            if newEnd == nil && end <= span.range.upperBound && end > span.range.lowerBound { newEnd = masked.count }
            position = span.range.upperBound
        }
        let shift = masked.count - position
        masked += line[position...]
        start = newStart ?? start + shift
        end = max(start, newEnd ?? end + shift)
        return (Array(masked[..<start]), Array(masked[start...]), end - start)
    }
}
