import JSONQuery
import ShellRuntime
import Testing

@testable import ShellBuiltins

/// Frames verbatim from shared/corpus/tutorial-commands.jsonl (TABs and newlines kept).
enum CorpusFrames {
    /// seq 4 and 39 (`ws-frame`).
    static let requestConversation = #"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#
    /// seq 6 (`ws-frame`).
    static let publish =
        #"{"kind":"req","id":2,"type":"ms.PublishEvent","body":{"dialogId":"__YOUR_CONVERSATION_ID__","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi there"}}}"#
    /// seq 5 (`ws-expected`): the response as the docs print it, pretty with TABs.
    static let expectedResponse =
        "{\n\t\"kind\": \"resp\",\n\t\"reqId\": \"1\",\n\t\"code\": 200,\n\t\"body\": {\n\t\t\"conversationId\": \"7507be78-60ef-4468-b3b1-baa47fbeea21\"\n\t},\n\t\"type\": \"cm.RequestConversationResponse\"\n}"
}

struct FrameCollectorTests {
    private func feed(_ text: String) -> [FrameCollector.Outcome] {
        var collector = FrameCollector()
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { collector.feed(String($0)) }
    }

    @Test func singleLineCorpusFramesAreSentAsTyped() {
        for frame in [CorpusFrames.requestConversation, CorpusFrames.publish] {
            guard case .frame(let text, let json)? = feed(frame).last else {
                Issue.record("not a frame: \(frame)")
                continue
            }
            #expect(text == frame)
            #expect(json?["kind"] == .string("req"))
        }
    }

    @Test func multiLineCorpusFrameIsCollectedThenSentCompact() {
        let outcomes = feed(CorpusFrames.expectedResponse)
        #expect(outcomes.dropLast().allSatisfy { $0 == .needsMore })
        #expect(
            outcomes.last
                == .frame(
                    #"{"kind":"resp","reqId":"1","code":200,"body":{"conversationId":"7507be78-60ef-4468-b3b1-baa47fbeea21"},"type":"cm.RequestConversationResponse"}"#,
                    try? FrameJSON.parse(CorpusFrames.expectedResponse)))
    }

    @Test func bracketsInsideStringsDoNotCount() {
        let outcomes = feed("{\"message\": \"a } and { and \\\" quote\",\n\"x\": [1,\n2]}")
        #expect(outcomes[0] == .needsMore && outcomes[1] == .needsMore)
        guard case .frame(let text, _) = outcomes[2] else {
            Issue.record("expected a frame, got \(outcomes)")
            return
        }
        #expect(text == #"{"message":"a } and { and \" quote","x":[1,2]}"#)
    }

    @Test func invalidJSONIsRejectedWithACaret() {
        let frame = #"{"kind":"req","id":1,"type":cm.ConsumerRequestConversation}"#
        let caret = "  " + String(repeating: " ", count: 28) + "^"
        #expect(feed(frame).last == .invalid("invalid JSON (column 29): expected a value\n  \(frame)\n\(caret)"))
    }

    @Test func invalidMultiLineFramePointsAtTheLine() {
        guard case .invalid(let message)? = feed("{\n\t\"kind\": \"req\",\n\t\"id\": 1,\n}").last else {
            Issue.record("expected invalid")
            return
        }
        #expect(message == "invalid JSON (line 4, column 1): trailing comma before }\n  }\n  ^")
    }

    @Test func blankLinesPlainTextAndFragments() {
        var collector = FrameCollector()
        #expect(collector.feed("   ") == .empty)
        #expect(collector.feed("hello") == .frame("hello", nil))
        guard case .invalid = collector.feed("\"kind\": \"req\"") else {
            Issue.record("a JSON fragment must be rejected")
            return
        }
    }

    @Test func incompleteFrameAtEndOfInput() {
        var collector = FrameCollector()
        #expect(collector.feed("{\"kind\": \"req\",") == .needsMore)
        guard case .invalid(let message)? = collector.finish() else {
            Issue.record("expected invalid")
            return
        }
        #expect(message.hasPrefix("invalid JSON (column 16): unexpected end of input"))
        #expect(collector.finish() == nil)
    }

    @Test func framesAreReadAndWrittenByJSONQuery() throws {
        let text = #"{"a":[1,-2.5e3,true,false,null,"\u00e9\n\t\"x\""],"b":{},"c":[]}"#
        let value = try FrameJSON.parse(text)
        // jq 1.7.1's canonical spelling of a number literal (`-2.5e3` prints as `-2.5E+3`), keys in their order.
        #expect(FrameJSON.compact(value) == #"{"a":[1,-2.5E+3,true,false,null,"é\n\t\"x\""],"b":{},"c":[]}"#)
        #expect(
            FrameJSON.pretty(try FrameJSON.parse(#"{"k":[1,{"x":null}]}"#), color: false)
                == "{\n  \"k\": [\n    1,\n    {\n      \"x\": null\n    }\n  ]\n}")
        #expect(FrameJSON.pretty(.object(JSONObject([("k", .string("v"))])), color: true).contains("\u{1B}[34;1m"))
    }

    /// RFC 8259 as LivePerson's servers read it, not jq's laxer grammar: each row is a frame and the rendered
    /// error's first line.
    @Test(arguments: [
        ("[01]", "invalid JSON (column 2): invalid number"),
        ("[nan]", "invalid JSON (column 2): expected null"),
        ("[.5]", "invalid JSON (column 2): expected a value"),
        ("[1.]", "invalid JSON (column 2): invalid number"),
        ("{'a':1}", "invalid JSON (column 2): strings need double quotes"),
        ("['a']", "invalid JSON (column 2): strings need double quotes"),
        ("[1] x", "invalid JSON (column 5): unexpected text after the JSON value"),
        ("[1 2]", "invalid JSON (column 4): expected , or ]"),
        (#"{"a" 1}"#, "invalid JSON (column 6): expected : after the key"),
        (#"{"a":tru}"#, "invalid JSON (column 6): expected true"),
        (#"["a\qb"]"#, #"invalid JSON (column 5): invalid escape \q"#),
        (#"["\u12"]"#, #"invalid JSON (column 5): expected 4 hex digits after \u"#),
        ("[1,]", "invalid JSON (column 4): trailing comma before ]"),
        ("[1", "invalid JSON (column 3): unexpected end of input: expected , or ]"),
    ])
    func strictGrammarWithPlainErrors(frame: String, message: String) {
        #expect(throws: JSONParseError.self) { try FrameJSON.parse(frame) }
        var collector = FrameCollector()
        var outcome = collector.feed(frame)
        if outcome == .needsMore { outcome = collector.finish() ?? outcome }
        guard case .invalid(let rendered) = outcome else {
            Issue.record("\(frame) was not rejected: \(outcome)")
            return
        }
        #expect(rendered.split(separator: "\n").first.map(String.init) == message)
    }
}
