import Foundation

/// One line of a page file in `Pages/` as written there (see Pages/README.md): a shell line or a frame, or a
/// reference to an entry of the shared corpus by its `seq`.
struct PageLine: Decodable, Sendable {
    var page: String
    var version: String
    var line: Int
    var step: String?
    var kind: String?
    var text: String?
    var target: String?
    var side: String
    var expect: String
    var explanation: String?
    var corrected: String?
    var pending: String?
    var walk: String?
    var notes: String?
    var sharedSeq: Int?

    enum CodingKeys: String, CodingKey {
        case page, version, line, step, kind, text, target, side, expect, explanation, corrected, pending, walk, notes
        case sharedSeq = "shared_seq"
    }
}
