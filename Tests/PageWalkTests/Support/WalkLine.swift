import Foundation

/// A page line ready to walk: its text and kind resolved (from the page file or the shared corpus).
struct WalkLine: Sendable, CustomStringConvertible {
    enum Kind: Sendable { case shell, frame, socketCommand }

    var number: Int
    var step: String
    var kind: Kind
    var text: String
    var side: String
    var expectsExplanation: Bool
    var explanation: String?
    /// `expect: continues`: the line alone is an unfinished command (the draft's stray backtick); it is pasted and
    /// judged with the next line, which says what it expects of both.
    var continues = false
    var corrected: String?
    var pending: String?
    var walk: String?

    /// A `wscat …` shell line: the lines after it go to the socket it opens.
    var opensSocket: Bool {
        kind == .shell && text.trimmingCharacters(in: .whitespaces).hasPrefix("wscat ")
    }

    var description: String {
        let shown = text.count > 110 ? String(text.prefix(107)) + "…" : text
        return "line \(number) (\(side), \(step)): \(shown.debugDescription)"
    }
}
