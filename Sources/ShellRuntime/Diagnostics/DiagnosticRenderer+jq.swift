extension DiagnosticRenderer {
    /// A diagnostic in jq 1.7.1's layout: `jq: error: <message> at <top-level>, line N:` and the whole program,
    /// as jq prints them, then lp-shell's caret line under the offending token (after the line itself when the
    /// program has several lines or the line is cut). No colour: jq prints its errors plain. Secrets are masked as
    /// in ``render(_:)``.
    public func renderInJQLayout(_ diagnostic: Diagnostic) -> String {
        var text = "\(diagnostic.programName ?? programName): "
        if let label = diagnostic.label { text += label + ": " }
        text = Self.masked(text + diagnostic.message)
        guard let location = diagnostic.location else { return text + "\n" }
        let excerpt = location.excerpt
        // Tokens only: the caret line below is drawn under this text, and the excerpt masks the same tokens.
        let origin = location.source.fileName ?? "<top-level>"
        text += " at \(origin), line \(location.lineNumber):\n\(SecretMasking.maskTokens(location.source.text))\n"
        if location.source.text.contains("\n") || excerpt.isWindowed { text += excerpt.line + "\n" }
        return text + excerpt.caretIndent + excerpt.carets + "\n"
    }
}
