import Foundation
import ShellTestSupport

/// The pages in `Pages/` (one `<slug>.jsonl` each), their lines resolved against the shared corpus.
enum PageCorpus {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// The folder of page files in the test bundle.
    static var folder: URL? {
        Bundle.module.url(forResource: "Pages", withExtension: nil)
    }

    /// Every page's slug, sorted.
    static let slugs: [String] = {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            return []
        }
        return names.filter { $0.hasSuffix(".jsonl") }.map { String($0.dropLast(6)) }.sorted()
    }()

    /// The shared corpus: `../shared/corpus/` beside the package when it is there (the file the issue names), else
    /// the verbatim copy LivePersonLayerTests keeps of it.
    static func sharedEntries() throws -> [Int: SharedCorpusEntry] {
        let root = LPShellBinary.packageRoot
        let candidates = [
            root.deletingLastPathComponent().appendingPathComponent("shared/corpus/tutorial-commands.jsonl"),
            root.appendingPathComponent("Tests/LivePersonLayerTests/Corpus/tutorial-commands.jsonl"),
        ]
        guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw Missing(description: "the shared corpus is not at \(candidates.map(\.path))")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        var entries: [Int: SharedCorpusEntry] = [:]
        for line in text.split(separator: "\n") {
            let entry = try JSONDecoder().decode(SharedCorpusEntry.self, from: Data(line.utf8))
            entries[entry.seq] = entry
        }
        return entries
    }

    /// The page's lines as written in its file.
    static func pageLines(_ slug: String) throws -> [PageLine] {
        guard let url = folder?.appendingPathComponent(slug + ".jsonl") else {
            throw Missing(description: "Pages/\(slug).jsonl is not in the test bundle")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(PageLine.self, from: Data($0.utf8)) }
    }

    /// The lines the walk runs, in order: `host` and `form` lines and `walk: skip` lines left out.
    static func walkLines(_ slug: String) throws -> [WalkLine] {
        let shared = try sharedEntries()
        var result: [WalkLine] = []
        for line in try pageLines(slug) where line.walk != "skip" {
            var step = line.step ?? ""
            var kind = line.kind ?? "shell"
            var target = line.target ?? "lp-shell"
            var text = line.text ?? ""
            if let seq = line.sharedSeq {
                guard let entry = shared[seq] else {
                    throw Missing(description: "\(slug) line \(line.line): no shared corpus entry \(seq)")
                }
                (step, kind, target, text) = (entry.step, entry.kind, entry.target, entry.text)
            }
            guard target == "lp-shell" || target == "wscat" else { continue }
            let walkKind: WalkLine.Kind =
                kind == "ws-frame" ? .frame : (target == "wscat" ? .socketCommand : .shell)
            result.append(
                WalkLine(
                    number: line.line, step: step, kind: walkKind, text: text, side: line.side,
                    expectsExplanation: line.expect == "explained", explanation: line.explanation,
                    continues: line.expect == "continues", corrected: line.corrected, pending: line.pending,
                    walk: line.walk))
        }
        return result
    }
}
