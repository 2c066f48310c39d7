import JSONQuery
import Testing

/// The two grammars (jq's and RFC 8259's) and the second location every error carries: a byte offset and plain
/// words for a caret, beside jq's own wording and position.
@Suite struct JSONParserGrammarTests {
    private func error(_ text: String, _ grammar: JSONParser.Grammar = .rfc8259) -> JSONParseError? {
        do {
            _ = try JSONParser.parseSingle(text, grammar: grammar)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["nan", "[01]", "-01", ".5", "1.", "[1.e3]", "1e", "+1", "[-]", "0x10", "Infinity"])
    func strictGrammarRejectsWhatRFC8259Does(text: String) {
        #expect(error(text) != nil, "\(text)")
    }

    @Test func jqGrammarStillReadsItsExtensions() throws {
        #expect(try JSONParser.parseSingle("nan").doubleValue?.isNaN == true)
        #expect(error("[01, 1., .5]", .jq) == nil)
    }

    @Test(arguments: ["0", "-0", "1.5", "-2.5e3", "1E+2", "10", "123456789012345678901", "0.0e-0", #""\u00e9""#])
    func strictGrammarAcceptsEveryRFC8259Number(text: String) {
        #expect(error(text) == nil, "\(text)")
    }

    /// Each row: text, jq's message, the caret's byte offset, the plain explanation.
    @Test(arguments: [
        ("[1,]", "Expected another array element at line 1, column 4", 3, "trailing comma before ]"),
        (#"{"a":1,}"#, "Expected another key-value pair at line 1, column 8", 7, "trailing comma before }"),
        ("[1 2]", "Expected separator between values at line 1, column 5", 3, "expected , or ]"),
        (#"{"a":x}"#, "Invalid numeric literal at line 1, column 7", 5, "expected a value"),
        ("{'a':1}", "Object keys must be strings at line 1, column 5", 1, "strings need double quotes"),
        ("[1", "Unfinished JSON term at EOF at line 1, column 2", 2, "unexpected end of input: expected , or ]"),
        (
            "[\"ab\ncd\"]",
            "Invalid string: control characters from U+0000 through U+001F must be escaped at line 2, column 3", 4,
            "unterminated string (newline inside quotes)"
        ),
    ])
    func errorsCarryJQsPositionAndACaret(text: String, jq: String, offset: Int, explanation: String) {
        let failure = error(text, .jq)
        #expect(failure?.description == jq)
        #expect(failure?.offset == offset)
        #expect(failure?.explanation == explanation)
    }

    @Test func offsetsCountFromTheStartOfAChunkedInput() throws {
        let text = String(repeating: "{\"n\":1}\n", count: 50) + "[1,]"
        var chunks = Array(text.utf8).chunked(into: 5)
        var parser = JSONParser(readingChunks: { chunks.isEmpty ? [] : chunks.removeFirst() }, discardThreshold: 8)
        var failure: JSONParseError?
        do {
            while try parser.next() != nil {}
        } catch {
            failure = error
        }
        #expect(failure?.offset == text.utf8.count - 1 && failure?.line == 51)
    }
}

extension Array {
    fileprivate func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
