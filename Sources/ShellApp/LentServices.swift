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

/// The script a batch runner reads, line by line: the runner's own loop and the builtins that take the following
/// lines (wscat's frames) read from here, so a line one of them gives back (``unread(_:)``) is the next the other
/// reads, and ``lineNumber`` counts every line either consumed.
/// Not generic over the reader: a generic class with a requirement is instantiated from its mangled name at run time,
/// which scans every protocol conformance in the binary (0.4 M instructions on `lp-shell -c true`).
final class ReaderLines: ScriptLineSource, @unchecked Sendable {
    // @unchecked: the reader is used by the shell's one reading thread, which also runs the builtins.
    private let reader: any LineReader
    /// Lines given back, the next to return last.
    private var givenBack: [String] = []
    private var ended = false
    /// The number of the line read last (1 for the first; lines given back are not counted until read again).
    private(set) var lineNumber = 0

    init(reader: any LineReader) { self.reader = reader }

    func nextScriptLine() -> String? {
        if let line = givenBack.popLast() {
            lineNumber += 1
            return line
        }
        // Once the input ended it is not read again (a terminal would wait for more).
        guard !ended, case .line(let line) = reader.readLine(prompt: "") else {
            ended = true
            return nil
        }
        lineNumber += 1
        return line
    }

    func unread(_ line: String) {
        givenBack.append(line)
        lineNumber -= 1
    }
}
