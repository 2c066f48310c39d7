import LineEditing
import ShellRuntime

/// readline's history as the shell's `history` builtin sees it.
final class ReadlineHistory: ShellHistory, @unchecked Sendable {
    // @unchecked: the reader is used by the shell's one reading thread, which also runs `history`.
    private let reader: ReadlineLineReader

    init(reader: ReadlineLineReader) { self.reader = reader }

    var entries: [String] { reader.entries }
    func clear() { reader.clear() }
}

/// The rest of the script a batch runner reads, lent to builtins that take the following lines (wscat's frames).
/// Not generic over the reader: a generic class with a requirement is instantiated from its mangled name at run time,
/// which scans every protocol conformance in the binary (0.4 M instructions on `lp-shell -c true`).
final class ReaderLines: ScriptLineSource, @unchecked Sendable {
    // @unchecked: the reader is used by the shell's one reading thread, which also runs the builtins.
    private let reader: any LineReader

    init(reader: any LineReader) { self.reader = reader }

    func nextScriptLine() -> String? {
        if case .line(let line) = reader.readLine(prompt: "") { return line }
        return nil
    }
}
