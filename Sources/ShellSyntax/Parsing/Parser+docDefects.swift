/// The pages' defects the parser can see (``DocDefect``): a curl command printed in braces without `curl`, and a
/// stray closing backtick that would swallow the page. Each is a syntax error worded by ``DocDefect`` with the
/// corrected command, and complete (not "more input"), so a paste stops there instead of waiting at `> `.
extension Parser {
    /// `{ "https://$LP_ACCOUNTCONFIGREADONLY/…" -H "Authorization: Bearer $LP_BEARER" }` just after the `{`: a
    /// group whose first word is a URL (quoted or not) is no command anyone means; the line is a curl command.
    func braceWithoutCurl() -> SyntaxError? {
        var start = position
        while start < limit, ByteClass.isBlank(bytes[start]) { start += 1 }
        let schemes = ["\"https://", "\"http://", "'https://", "'http://", "https://", "http://"]
        guard schemes.contains(where: { hasPrefix($0, at: start) }) else { return nil }
        var lineEnd = start
        while lineEnd < limit, bytes[lineEnd] != ByteClass.newline { lineEnd += 1 }
        var end = lineEnd
        while end > start, ByteClass.isBlank(bytes[end - 1]) { end -= 1 }
        if end > start, bytes[end - 1] == ByteClass.closeBrace { end -= 1 }
        while end > start, ByteClass.isBlank(bytes[end - 1]) || bytes[end - 1] == ByteClass.semicolon { end -= 1 }
        // The caret goes under the URL: up to its closing quote, or the next blank.
        var urlEnd = start + 1
        let quote = bytes[start]
        if quote == ByteClass.doubleQuote || quote == ByteClass.singleQuote {
            while urlEnd < lineEnd, bytes[urlEnd] != quote { urlEnd += 1 }
            urlEnd = min(urlEnd + 1, lineEnd)
        } else {
            while urlEnd < lineEnd, !ByteClass.isBlank(bytes[urlEnd]) { urlEnd += 1 }
        }
        let corrected = "curl " + text(start..<end)
        return SyntaxError(
            DocDefect.braceWithoutCurl(corrected: corrected).explanation,
            at: SourceRange(start: start, end: urlEnd), isDocDefect: true)
    }

    /// A backtick at the end of a line whose "closing" backtick opens `NAME=`…`` on the next line:
    /// `UNAUTH_JWT=curl … | jq -r .jwt`` then `LP_EXT_JWT=`curl …``. In bash the pair swallows the second line's
    /// assignment, and its closing backtick opens a substitution that takes the rest of the page. A multi-line
    /// backtick a user means has its body on those lines (`` x=`\n  cmd\n` ``), not only a `NAME=` before the
    /// closing one.
    func strayBacktick(opening: Int, closing: Int) -> SyntaxError? {
        var firstNewline = opening + 1
        while firstNewline < closing, ByteClass.isBlank(bytes[firstNewline]) { firstNewline += 1 }
        guard firstNewline < closing, bytes[firstNewline] == ByteClass.newline else { return nil }
        var lastLine = closing
        while lastLine > firstNewline, bytes[lastLine - 1] != ByteClass.newline { lastLine -= 1 }
        var nameStart = lastLine
        while nameStart < closing, ByteClass.isBlank(bytes[nameStart]) { nameStart += 1 }
        guard nameStart < closing, ByteClass.isNameStart(bytes[nameStart]), bytes[closing - 1] == ByteClass.equals,
            bytes[nameStart..<(closing - 1)].allSatisfy(ByteClass.isNameChar)
        else { return nil }
        let next = text(nameStart..<closing) + "`"
        var lineStart = opening
        while lineStart > 0, bytes[lineStart - 1] != ByteClass.newline { lineStart -= 1 }
        while lineStart < opening, ByteClass.isBlank(bytes[lineStart]) { lineStart += 1 }
        let line = text(lineStart..<opening)
        var corrected = line
        // `NAME=command …`: the opening backtick belongs after the `=`.
        if let equals = line.firstIndex(of: "="), equals > line.startIndex,
            line[..<equals].utf8.allSatisfy(ByteClass.isNameChar), line[line.index(after: equals)...].first != "`"
        {
            corrected = String(line[...equals]) + "`" + String(line[line.index(after: equals)...]) + "`"
        }
        return SyntaxError(
            DocDefect.strayBacktick(next: next, corrected: corrected).explanation, at: point(opening),
            isDocDefect: true)
    }

    private func hasPrefix(_ prefix: String, at offset: Int) -> Bool {
        let utf8 = Array(prefix.utf8)
        guard offset + utf8.count <= limit else { return false }
        return bytes[offset..<(offset + utf8.count)].elementsEqual(utf8)
    }
}
