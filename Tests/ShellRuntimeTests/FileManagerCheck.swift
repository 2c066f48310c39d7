import Foundation

/// Reads the shared tutorial corpus when it is present next to the project (developer machines, CI).
enum FileManagerCheck {
    static let corpusPath = "/work/shared/corpus/tutorial-commands.jsonl"

    static var corpusExists: Bool { FileManager.default.fileExists(atPath: corpusPath) }

    /// The `text` of the corpus entries with the given `seq` numbers.
    static func corpusTexts(seqs: Set<Int>) throws -> [Int: String] {
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
