#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What `--data DIR` keeps of a class in `DIR/class.json` (0600): the teacher key, the join code and the learners
/// (their token hashes, accounts and last reports), so a restarted class knows everyone who joined.
struct ClassRecord: Codable, Sendable {
    static let fileName = "class.json"

    var teacherKey: String
    var code: String
    var learners: [Learner]
    var nextLearner: Int

    /// A `class.json` that does not decode.
    struct Damaged: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is not a class file lp-shell wrote (move it away to start a new class)" }
    }

    static func load(from directory: String) throws -> ClassRecord? {
        guard let text = SecretFiles(directory: directory).read(fileName) else { return nil }
        do {
            return try JSONDecoder().decode(ClassRecord.self, from: Data(text.utf8))
        } catch {
            throw Damaged(path: directory + "/" + fileName)
        }
    }

    func save(to directory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(self)
        try SecretFiles(directory: directory).write(Self.fileName, String(decoding: data, as: UTF8.self))
    }
}
