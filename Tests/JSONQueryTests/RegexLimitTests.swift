import Testing

@testable import JSONQuery

/// The regex engine's guards against catastrophic backtracking (found by scripts/fuzz: a `split` pattern with nested
/// loops backtracked for 78 s).
@Suite struct RegexLimitTests {
    /// `b` occurs, so the required-character check passes and `(a*)*` really backtracks over the run of `a`s.
    let text = Array(("b" + String(repeating: "a", count: 40) + "c").unicodeScalars)

    @Test func catastrophicBacktrackingStopsAtTheRetryLimit() throws {
        let regex = try Regex("(a*)*b$", flags: "", retryLimit: 100_000)
        do {
            _ = try regex.firstMatch(in: text, from: 0)
            Issue.record("the search finished instead of stopping at the retry limit")
        } catch {
            guard case .error(let message) = error else {
                Issue.record("expected an error, got \(error)")
                return
            }
            #expect(message.stringValue == "Regex failure: retry-limit-in-match over")
        }
    }

    @Test func interruptionStopsTheSearchWithStatus130() throws {
        let regex = try Regex("(a*)*b$", flags: "")
        do {
            _ = try regex.firstMatch(in: text, from: 0, interrupted: { true })
            Issue.record("the search ignored the interruption")
        } catch {
            guard case .halt(let code, _) = error else {
                Issue.record("expected a halt, got \(error)")
                return
            }
            #expect(code == 130)
        }
    }

    @Test func aMissingRequiredCharacterFailsWithoutSearching() throws {
        let regex = try Regex("(a*)*b", flags: "", retryLimit: 10)
        #expect(try regex.firstMatch(in: Array("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaac".unicodeScalars), from: 0) == nil)
        #expect(regex.requiredScalars == ["b"])
    }
}
