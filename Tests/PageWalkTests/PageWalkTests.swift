import Foundation
import Testing

/// Issue 15: every tutorial page in `Pages/`, pasted line by line into the real lp-shell against the real sandbox,
/// works — or lp-shell explains the page's defect in one line and the corrected command then works. One test per
/// page; a failure names the page, the line and why. Lines marked `pending` (an item of the issue being fixed
/// elsewhere) are not asserted and are listed in the output.
@Suite(.serialized)
struct PageWalkTests {
    @Test(arguments: PageCorpus.slugs)
    func page(_ slug: String) async throws {
        let results = try await PageWalker(slug: slug).walk()
        #expect(!results.isEmpty, "\(slug): no line to walk")
        var passed = 0
        var pending: [String] = []
        for (line, outcome) in results {
            switch outcome {
            case .passed: passed += 1
            case .pending(let item): pending.append("line \(line.number) (\(item))")
            case .failed(let reason): Issue.record("\(slug) \(line): \(reason)")
            }
        }
        let failed = results.count - passed - pending.count
        print(
            "page-walk: \(slug): \(passed) passed, \(pending.count) pending, \(failed) failed"
                + (pending.isEmpty ? "" : " — pending: " + pending.joined(separator: ", ")))
    }
}
