import ShellSyntax
import ShellTestSupport
import Testing

/// Printing a parsed script gives canonical source that parses to the same canonical text, for every spec case.
@Suite("Round trip")
struct RoundTripTests {
    static let cases: [SpecCase] = (try? SpecFile.load(directory: SpecFile.sourceDirectory)) ?? []

    @Test func specCasesAreLoaded() throws {
        #expect(try SpecFile.load(directory: SpecFile.sourceDirectory).count >= 150)
    }

    @Test("spec case round trip", arguments: cases)
    func roundTrip(_ specCase: SpecCase) throws {
        let first: Script
        do {
            first = try Parser.parse(specCase.code)
        } catch {
            // A deliberate syntax error: the case must say so, and the error must be stable.
            #expect(specCase.expectedStatus == 2, "\(specCase) does not parse: \(error.message)")
            #expect(specCase.stderrContains.contains { $0.contains("syntax error") }, "\(specCase)")
            #expect(throws: SyntaxError.self) { try Parser.parse(specCase.code) }
            return
        }
        let printed = first.description
        let second = try #require(
            try? Parser.parse(printed), "\(specCase): the printed form does not parse:\n\(printed)")
        #expect(second.description == printed, "\(specCase)\nfirst:  \(printed)\nsecond: \(second.description)")
    }

    @Test(arguments: [
        ("echo   a    b", "echo a b"),
        ("a&&b||c", "a && b || c"),
        ("a;b", "a; b"),
        ("a & b", "a & b"),
        ("if true;then echo y;else echo n;fi", "if true; then echo y; else echo n; fi"),
        ("for x in 1 2;do echo $x;done", "for x in 1 2; do echo $x; done"),
        ("f(){ echo hi;}", "f() { echo hi; }"),
        ("echo $A'b'\"c$D\"", "echo $A'b'\"c$D\""),
        ("echo ${A:-x y}", "echo ${A:-x y}"),
        ("echo `echo a`", "echo `echo a`"),
        ("cat <<EOF\nhi $X\nEOF", "cat <<EOF\nhi $X\nEOF\n"),
        ("! true", "! true"),
        ("echo a 2>&1 >/dev/null", "echo a 2>&1 >/dev/null"),
        ("case $x in a|b) echo ab;; *) echo other;; esac", "case $x in a | b) echo ab;; *) echo other;; esac"),
        ("echo \"${A}b\"", "echo \"${A}b\""),
        ("if a; then b & elif c; then d; fi", "if a; then b & elif c; then d; fi"),
        // A combining mark after an inner backtick forms one grapheme with it; the backtick is still escaped.
        ("echo `a \\`\u{073E}b\\``", "echo `a \\`\u{073E}b\\``"),
        ("echo \"$\u{0301}x\"", "echo \"\\$\u{0301}x\""),
    ])
    func canonicalForm(source: String, expected: String) throws {
        #expect(try Parser.parse(source).description == expected)
    }
}
