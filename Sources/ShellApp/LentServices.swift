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
final class ReaderLines<Reader: LineReader & Sendable>: ScriptLineSource, @unchecked Sendable {
    // @unchecked: the reader is used by the shell's one reading thread, which also runs the builtins.
    private let reader: Reader

    init(reader: Reader) { self.reader = reader }

    func nextScriptLine() -> String? {
        if case .line(let line) = reader.readLine(prompt: "") { return line }
        return nil
    }
}
