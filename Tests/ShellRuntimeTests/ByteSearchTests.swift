import ShellRuntime
import Testing

/// The byte search behind `containsBytes`: the same answers as `String.contains` for what it is used on.
@Suite("Byte search")
struct ByteSearchTests {
    @Test(arguments: [
        ("eyJhbGciOi.x.y", "eyJ", true),
        ("curl -d '{\"id_token\":\"eyJ\"}'", "eyJ", true),
        ("abc", "abcd", false),
        ("abc", "", true),
        ("", "", true),
        ("", "a", false),
        ("aaab", "aab", true),
        ("héllo ✓ wörld", "✓ w", true),
        ("héllo", "hello", false),
    ])
    func agreesWithContains(haystack: String, needle: String, expected: Bool) {
        #expect(haystack.containsBytes(needle) == expected)
        #expect(haystack.contains(needle) == expected)
        #expect(Substring(haystack).containsBytes(needle) == expected)
    }

    @Test func findsEveryOccurrenceFromAnOffset() {
        let bytes = Array("-----A----A--".utf8)
        #expect(bytes.firstIndex(ofBytes: Array("A".utf8)) == 5)
        #expect(bytes.firstIndex(ofBytes: Array("A".utf8), from: 6) == 10)
        #expect(bytes.firstIndex(ofBytes: Array("A".utf8), from: 11) == nil)
        #expect(bytes.firstIndex(ofBytes: Array("A--".utf8), from: 6) == 10)
        #expect(bytes.firstIndex(ofBytes: Array("A---".utf8), from: 6) == nil)
    }
}
