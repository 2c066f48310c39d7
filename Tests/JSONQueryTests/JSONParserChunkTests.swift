import JSONQuery
import Testing

/// The chunked parser (what `jq` uses for files and standard input) must give the same values, errors
/// and line counts as parsing the whole text at once, wherever the chunk boundaries fall.
@Suite struct JSONParserChunkTests {
    private static let texts = [
        #"{"a":[1,2.50,{"b":"c\u00e9\ud83d\ude00"}],"d":null,"e":true}"#,
        "1 [2]{\"a\":1,\"b\":2,\"a\":3}\"s\"\n\n",
        "[\n  {\"id\": \"0123456789abcdef0123\", \"n\": 1e2},\n  {\"id\": \"0123456789abcdef0123\", \"n\": -0}\n]\n",
        "{\n", "[1 2]", "{\"a\":nope}", "12x ", "]", "\"abc", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "[1}", "{\"a\":1]",
        "\"a\\q\"", "\"a\u{01}b\"", "{1:2}", "[1:2]", "\"x\" \"y\"z", "nul", "[\"\\ud800\\u0041\"]",
        String(repeating: " ", count: 300) + "[" + String(repeating: "\"a long string value here\",", count: 50) + "0]",
    ]

    private struct Outcome: Equatable {
        var values: [String]
        var error: String?
        var lines: Int
    }

    private static func outcome(_ parser: inout JSONParser) -> Outcome {
        var values: [String] = []
        do {
            while let value = try parser.next() { values.append(JSONWriter.compactString(value)) }
            return Outcome(values: values, error: nil, lines: parser.totalLines)
        } catch {
            return Outcome(values: values, error: error.description, lines: parser.totalLines)
        }
    }

    private static func chunked(_ text: String, size: Int, threshold: Int) -> JSONParser {
        var remaining = Array(text.utf8)[...]
        return JSONParser(
            readingChunks: {
                let chunk = Array(remaining.prefix(size))
                remaining = remaining.dropFirst(size)
                return chunk
            }, discardThreshold: threshold)
    }

    @Test(arguments: texts)
    func chunkBoundariesDoNotChangeTheResult(_ text: String) {
        var whole = JSONParser(bytes: Array(text.utf8))
        let expected = Self.outcome(&whole)
        for (size, threshold) in [(1, 1), (2, 3), (7, 5), (64, 16), (1 << 16, 1 << 16)] {
            var parser = Self.chunked(text, size: size, threshold: threshold)
            #expect(Self.outcome(&parser) == expected, "chunks of \(size), discarding after \(threshold)")
        }
    }

    @Test func lineNumbersSurviveDiscardedInput() throws {
        let text = (0..<200).map { "{\"n\":\($0)}\n" }.joined()
        var parser = Self.chunked(text, size: 5, threshold: 8)
        var count = 0
        while try parser.next() != nil {
            count += 1
            #expect(parser.linesThroughEndOfCurrentLine == count)
            #expect(parser.linesConsumed == count - 1)
        }
        #expect(count == 200 && parser.totalLines == 200)
    }

    @Test func sameShapedObjectsStayIndependent() throws {
        guard case .array(let records) = try JSONParser.parseSingle(#"[{"a":1,"b":2},{"a":3,"b":4}]"#),
            case .object(var first) = records[0], case .object(let second) = records[1]
        else {
            Issue.record("not an array of objects")
            return
        }
        first["c"] = .number(5)
        first["a"] = nil
        first["b"] = .string("x")
        #expect(JSONWriter.compactString(.object(first)) == #"{"b":"x","c":5}"#)
        #expect(JSONWriter.compactString(.object(second)) == #"{"a":3,"b":4}"#)
        #expect(second["b"] == .number(4) && second["c"] == nil)
    }

    @Test func repeatedKeysKeepFirstPositionAndLastValue() throws {
        let text = #"[{"a":1,"b":2,"a":3},{"a":1,"b":2,"a":3},{"a":1,"b":2}]"#
        #expect(
            JSONWriter.compactString(try JSONParser.parseSingle(text))
                == #"[{"a":3,"b":2},{"a":3,"b":2},{"a":1,"b":2}]"#)
        let many = "{" + (0..<40).map { "\"k\($0 % 20)\":\($0)" }.joined(separator: ",") + "}"
        guard case .object(let object) = try JSONParser.parseSingle(many) else {
            Issue.record("not an object")
            return
        }
        #expect(object.count == 20 && object.keys.first == "k0" && object["k0"] == .number(20))
    }
}
