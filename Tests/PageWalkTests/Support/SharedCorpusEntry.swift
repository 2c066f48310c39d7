import Foundation

/// An entry of the shared tutorial corpus (`tutorial-commands.jsonl`), the fields a page line borrows from it.
struct SharedCorpusEntry: Decodable, Sendable {
    var seq: Int
    var page: String
    var step: String
    var kind: String
    var target: String
    var text: String
}
