import Foundation
import ShellTestSupport
import Testing

/// Every bundled tutorial, every step in order, against the embedded sandbox: each step must end with its `✓`
/// (its checks held and no frame it sent was refused). A page's tutorial that stops working fails here by name.
@Suite("Bundled tutorials, step by step")
struct BundledTutorialTests {
    /// The bundled tutorial files: name and step numbers, read from the package's sources.
    static let tutorials: [BundledTutorial] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/LivePersonSession/Tutorials").standardized.path
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".tutorial") }.sorted().compactMap { file in
            guard let text = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8) else { return nil }
            return BundledTutorial(text: text)
        }
    }()

    @Test func everyPageIsATutorial() {
        // The pages issue 15 names, as tutorials (the agent page has its own, with both sides).
        #expect(Self.tutorials.count >= 12, "\(Self.tutorials.map(\.name))")
    }

    @Test(arguments: tutorials)
    func everyStepPasses(_ tutorial: BundledTutorial) async throws {
        let session = try Session()
        defer { session.remove() }
        let lines = ["tutorial use \(tutorial.name)"] + tutorial.steps.map { "step \($0)" }
        let result = try await session.sandbox(lines, timeout: 150)
        #expect(!result.timedOut && !result.crashed, "\(result)")
        for number in tutorial.steps {
            #expect(result.stderr.contains("step \(number) ✓"), "step \(number) of \(tutorial.name): \(result)")
        }
        #expect(!result.stderr.contains("✗"), "\(result)")
    }
}

/// A tutorial file's name and step numbers.
struct BundledTutorial: Sendable, CustomTestStringConvertible {
    var name: String
    var steps: [Int]

    init?(text: String) {
        var name: String?
        var steps: [Int] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("name: ") { name = String(line.dropFirst(6)) }
            if line.hasPrefix("## "), let number = Int(line.dropFirst(3).prefix { $0.isNumber }) {
                steps.append(number)
            }
        }
        guard let name, !steps.isEmpty else { return nil }
        self.name = name
        self.steps = steps
    }

    var testDescription: String { name }
}
