import Synchronization

/// The error lines lp-shell showed since the last ``take()``, for a class's progress report ("the last error in one
/// line"). Off until ``start()``: outside a class nothing is kept. Every diagnostic passes
/// ``DiagnosticRenderer/masked(_:)``, which records it here already masked; warnings and notes are left out.
public enum RecentDiagnostics {
    private static let recording = Atomic<Bool>(false)
    private static let lines = Mutex<[String]>([])
    /// At most this many lines are kept between two takes (the first ones: the first error is the cause).
    private static let limit = 8

    /// Starts recording.
    public static func start() {
        recording.store(true, ordering: .relaxed)
    }

    /// Records the error lines of a masked diagnostic's text.
    static func record(_ text: String) {
        guard recording.load(ordering: .relaxed) else { return }
        let found = text.split(separator: "\n").compactMap(errorLine)
        guard !found.isEmpty else { return }
        lines.withLock { kept in
            for line in found where kept.count < limit { kept.append(line) }
        }
    }

    /// The lines recorded since the last call, oldest first, and forgets them.
    public static func take() -> [String] {
        lines.withLock { kept in
            defer { kept.removeAll() }
            return kept
        }
    }

    /// The line without colour codes and surrounding blanks, or nil for a warning, a note, a source excerpt or a
    /// caret line (which follow an error's own line).
    static func errorLine(_ raw: Substring) -> String? {
        var plain = ""
        var inEscape = false
        for character in raw {
            if inEscape {
                if character.isLetter { inEscape = false }
            } else if character == "\u{1B}" {
                inEscape = true
            } else {
                plain.append(character)
            }
        }
        guard let first = plain.first, first != " ", first != "\t" else { return nil }
        var text = Substring(plain)
        while text.last == " " || text.last == "\r" { text = text.dropLast() }
        let lowered = text.lowercased()
        if lowered.contains(": warning:") || lowered.contains(": note:") || lowered.hasPrefix("warning:") {
            return nil
        }
        return text.isEmpty ? nil : String(text)
    }
}
