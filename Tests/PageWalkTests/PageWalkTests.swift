import Foundation
import Testing

/// Issue 15: every tutorial page in `Pages/`, pasted line by line into the real lp-shell against the real sandbox,
/// works — or lp-shell explains the page's defect in one line and the corrected command then works. One test per
/// page; a failure names the page, the line and why. Lines marked `pending` (an item of the issue being fixed
/// elsewhere) are not asserted and are listed in the output. Serialized: the pages share the sandbox keys.
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

    // The walk itself can fail: a shell line that fails, an explanation that is not printed and a frame the sandbox
    // refuses are each a failed line, between lines that pass. (In this suite: the pages' sandboxes share one key
    // folder, made by the first to start.)
    static func line(
        _ number: Int, _ kind: WalkLine.Kind, _ text: String, explanation: String? = nil, corrected: String? = nil
    ) -> WalkLine {
        WalkLine(
            number: number, step: "self-test", kind: kind, text: text, side: "consumer",
            expectsExplanation: explanation != nil, explanation: explanation, corrected: corrected, pending: nil,
            walk: nil)
    }

    @Test func failingLinesAreReportedAndTheOthersPass() async throws {
        let lines = [
            Self.line(0, .shell, "true"),
            Self.line(1, .shell, "false"),
            Self.line(2, .shell, "echo hello", explanation: "a line lp-shell never prints"),
            Self.line(3, .shell, "LP_USER= ADMIN_USERNAME", explanation: "LP_USER was set empty", corrected: "false"),
            Self.line(
                4, .shell, #"LP_JWT=`curl -s -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/signup | jq -r .jwt`"#),
            Self.line(
                5, .shell,
                #"wscat -k 60 -H "Authorization:jwt $LP_JWT" -c "wss://$LP_ASYNCMESSAGINGENT/ws_api/account/$LP_ACCOUNT/messaging/consumer?v=3""#
            ),
            Self.line(6, .frame, #"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#),
            Self.line(7, .frame, #"{"kind":"req","id":"8","type":"cm.NoSuchRequest","body":{}}"#),
            Self.line(8, .socketCommand, "/close"),
        ]
        let results = try await PageWalker(slug: "self-test", lines: lines).walk()
        let failed = results.map { result -> Bool in
            if case .failed = result.outcome { return true }
            return false
        }
        #expect(failed == [false, true, true, true, false, false, false, true, false], "\(results)")
    }
}
