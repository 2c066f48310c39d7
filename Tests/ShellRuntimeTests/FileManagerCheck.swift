import Foundation
import Testing

/// Reads the shared tutorial corpus from `../shared` beside the package (developer machines and CI lay it there).
/// Where it is missing the corpus tests are skipped with the reason, except under CI (`CI` set), where they fail.
enum FileManagerCheck {
    /// `shared/corpus/tutorial-commands.jsonl` beside the package root (this file is Tests/ShellRuntimeTests/…).
    static let corpusPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/tutorial-commands.jsonl").path

    static var corpusExists: Bool { FileManager.default.fileExists(atPath: corpusPath) }

    /// True when the corpus tests should run: the corpus is there, or this is CI (where a missing corpus fails).
    static var corpusTestsRun: Bool { corpusExists || ProcessInfo.processInfo.environment["CI"] != nil }

    /// The `text` of the corpus entries with the given `seq` numbers.
    static func corpusTexts(seqs: Set<Int>) throws -> [Int: String] {
        guard corpusExists else {
            Issue.record("the shared corpus is missing: \(corpusPath) (CI lays shared/ beside the clone)")
            return [:]
        }
        let data = try String(contentsOfFile: corpusPath, encoding: .utf8)
        var result: [Int: String] = [:]
        for line in data.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            guard let entry = object as? [String: Any], let seq = entry["seq"] as? Int, seqs.contains(seq) else {
                continue
            }
            result[seq] = entry["text"] as? String
        }
        return result
    }
}
