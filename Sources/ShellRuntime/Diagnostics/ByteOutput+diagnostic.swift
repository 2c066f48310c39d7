extension ByteOutput {
    /// Writes a diagnostic a command worded itself (`cd: DIR: No such file or directory`, a usage message,
    /// `curl: (6) …`) with every secret masked by ``DiagnosticRenderer/masked(_:)``: errors, warnings and notes
    /// reach stderr through this or through ``DiagnosticRenderer``, never through ``write(_:)-(String)``, which
    /// is for what a command outputs (`echo $T >&2` prints the token, as the user asked).
    public func writeDiagnostic(_ text: String) {
        write(DiagnosticRenderer.masked(text))
    }
}
