import Foundation

/// shared/corpus/tutorial-commands.jsonl, copied verbatim into this target: the tutorials' shell lines and frames.
enum Corpus {
    struct Entry: Decodable {
        var seq: Int
        var page: String
        var step: String
        var kind: String
        var target: String
        var text: String
        var version: String
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static func entries() throws -> [Entry] {
        guard
            let url = Bundle.module.url(
                forResource: "tutorial-commands", withExtension: "jsonl", subdirectory: "Corpus")
        else { throw Missing(description: "Corpus/tutorial-commands.jsonl is not in the test bundle") }
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Entry.self, from: Data($0.utf8)) }
    }

    /// The verbatim text of entry `seq`.
    static func text(_ seq: Int) throws -> String {
        guard let entry = try entries().first(where: { $0.seq == seq }) else {
            throw Missing(description: "no corpus entry with seq \(seq)")
        }
        return entry.text
    }

    /// The texts of several entries, in the order given.
    static func texts(_ seqs: [Int]) throws -> [String] {
        try seqs.map(text)
    }

    /// The seed tutorial (unauthenticated messaging, current page): Step 1, 2 and 4 shell lines.
    static let seedStep1 = 41
    static let seedStep2 = 42
    static let seedStep4 = 43
    /// Getting Started (current page): signup, `> echo $LP_JWT`, wscat, then the two frames.
    static let signup = 1
    static let promptedEcho = 2
    static let wscat = 3
    static let requestConversation = 4
    static let publish = 6
    /// The lp.env sample (current page).
    static let envSample = 7
    /// The early unauthenticated draft's line without its opening backtick.
    static let draftMissingBacktick = 35
}
