import JSONQuery
import Testing

@Suite struct JSONParserTests {
    private func compact(_ text: String) throws -> String {
        JSONWriter.compactString(try JSONParser.parseSingle(text))
    }

    @Test func unicodeEscapesAndSurrogatePairs() throws {
        #expect(try compact(#""\u00e9\ud83d\ude00""#) == "\"é😀\"")
        #expect(try JSONParser.parseSingle(#""\ud83d\ude00""#).stringValue?.unicodeScalars.count == 1)
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        #expect(try compact(#""a\ud800b""#) == "\"a\u{FFFD}b\"")
        #expect(try compact(#""\udc00""#) == "\"\u{FFFD}\"")
    }

    @Test func invalidUTF8IsReplacedLikeJQ() throws {
        var parser = JSONParser(bytes: [34, 97, 0xFF, 98, 34])
        let value = try parser.next()
        #expect(value == .string("a\u{FFFD}b"))
    }

    @Test func controlCharactersAreEscapedOnOutput() throws {
        #expect(try compact(#""\u0001\u001f\u007f\t\n""#) == #""\u0001\u001f\u007f\t\n""#)
    }

    @Test func asciiOutputEscapesSurrogatePairs() throws {
        var options = JSONWriter.Options.compact
        options.asciiOnly = true
        var writer = JSONWriter(options: options)
        writer.write(.string("é😀"))
        #expect(String(decoding: writer.buffer, as: UTF8.self) == #""\u00e9\ud83d\ude00""#)
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let depth = 10_001
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: JSONParseError.self) { try JSONParser.parseSingle(text) }
        do {
            _ = try JSONParser.parseSingle(text)
        } catch {
            #expect(error.reason == "Exceeds depth limit for parsing")
        }
        let allowed = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(try JSONParser.parseSingle(allowed) != .null)
    }

    @Test func numbersKeepTheirLiteralText() throws {
        #expect(try compact("100000000000000000001") == "100000000000000000001")
        #expect(try compact("1.000") == "1.000")
        #expect(try compact("-0") == "-0")
        #expect(try compact("1e2") == "1E+2")
        #expect(try compact("1e1000") == "1E+1000")
        #expect(try compact("0.000005") == "0.000005")
        #expect(try compact("123") == "123")
    }

    @Test func arithmeticResultsPrintLikeJQ() {
        #expect(JSONWriter.compactString(.number(.infinity)) == "1.7976931348623157e+308")
        #expect(JSONWriter.compactString(.number(-.infinity)) == "-1.7976931348623157e+308")
        #expect(JSONWriter.compactString(.number(0.1 + 0.2)) == "0.30000000000000004")
        #expect(JSONWriter.compactString(.number(1e17)) == "1e+17")
        #expect(JSONWriter.compactString(.number(1.5e16)) == "15000000000000000")
        #expect(JSONWriter.compactString(.number(1e-5)) == "1e-05")
        #expect(JSONWriter.compactString(.number(0.0001)) == "0.0001")
        #expect(JSONWriter.compactString(.number(-0.0)) == "-0")
        #expect(JSONWriter.compactString(.number(.nan)) == "null")
        #expect(JSONWriter.compactString(.number(1e100)) == "1e+100")
    }

    @Test func errorsReportJQPositions() {
        func message(_ text: String) -> String {
            do {
                _ = try JSONParser.parseAll(Array(text.utf8))
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(message("{\n") == "Unfinished JSON term at EOF at line 2, column 0")
        #expect(message("[1 2]") == "Expected separator between values at line 1, column 5")
        #expect(message("{\"a\":nope}") == "Invalid literal at line 1, column 10")
        #expect(message("12x ") == "Invalid numeric literal at line 1, column 4")
        #expect(message("]") == "Unmatched ']' at line 1, column 1")
        #expect(message("\"abc") == "Unfinished string at EOF at line 1, column 4")
    }

    @Test func multipleTextsAndDuplicateKeys() throws {
        let values = try JSONParser.parseAll(Array("1 [2]{\"a\":1,\"b\":2,\"a\":3}\"s\"".utf8))
        #expect(values.count == 4)
        #expect(JSONWriter.compactString(values[2]) == #"{"a":3,"b":2}"#)
    }

    @Test func prettyPrintingAndSortedKeys() throws {
        var options = JSONWriter.Options()
        options.sortKeys = true
        var writer = JSONWriter(options: options)
        writer.write(try JSONParser.parseSingle(#"{"b":[1,{}],"a":[]}"#))
        #expect(String(decoding: writer.buffer, as: UTF8.self) == "{\n  \"a\": [],\n  \"b\": [\n    1,\n    {}\n  ]\n}")
    }

    @Test func largeObjectsKeepOrderAndLookUpKeys() throws {
        let members = (0..<100).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        guard case .object(var object) = try JSONParser.parseSingle("{\(members)}") else {
            Issue.record("not an object")
            return
        }
        #expect(object["k57"] == .number(57))
        object["k3"] = nil
        #expect(object["k99"] == .number(99))
        #expect(object.keys.first == "k0" && object.keys.count == 99)
    }
}
