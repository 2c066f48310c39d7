import ShellSyntax
import ShellTestSupport
import Testing

/// Parses `marked` (with the markers removed) and expects a syntax error whose message is `message`, whose range
/// starts at `1️⃣` (and ends at `2️⃣` when given) and whose `isIncomplete` is `incomplete`.
func assertSyntaxError(
    _ marked: String, _ message: String, incomplete: Bool, sourceLocation: SourceLocation = #_sourceLocation
) {
    let source = MarkedText(marked)
    guard let start = source["1️⃣"] else {
        Issue.record("the source has no 1️⃣ marker", sourceLocation: sourceLocation)
        return
    }
    do {
        let script = try Parser.parse(source.text)
        Issue.record("parsed without error: \(script)", sourceLocation: sourceLocation)
    } catch {
        #expect(error.message == message, sourceLocation: sourceLocation)
        #expect(error.range.start == start, "range \(error.range)", sourceLocation: sourceLocation)
        if let end = source["2️⃣"] {
            #expect(error.range.end == end, "range \(error.range)", sourceLocation: sourceLocation)
        }
        #expect(error.isIncomplete == incomplete, sourceLocation: sourceLocation)
    }
}
