/// One piece of an expanded word before field splitting: what was quoted, what is source text and what came out of
/// an unquoted expansion decides which characters split and glob (POSIX 2.6.5, 2.6.6). The expander turns a word
/// into pieces; `FieldSplitter` turns pieces into fields, or joins them into one string.
enum ExpansionPiece {
    /// Quoted text, or the result of a quoted expansion: never split or globbed; keeps its field even when empty.
    case quoted(String)
    /// Unquoted source text: globbed, never split.
    case literal(String)
    /// The result of an unquoted expansion (including the text of an unquoted `${x:-word}` operand): split on `IFS`
    /// and globbed.
    case expanded(String)
    /// The boundary between two positional parameters of `$@` or `$*` (unquoted, or `"$@"`): always ends a field.
    case fieldBreak
}
