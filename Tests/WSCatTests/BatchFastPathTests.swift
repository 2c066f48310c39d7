import JSONQuery
import Testing

@testable import LivePersonSession
@testable import ShellBuiltins

/// The shortcuts batch mode takes per frame give the same answers as the general code they skip.
struct BatchFastPathTests {
    /// The trimming `trimmingWhitespace` did before its byte shortcut: whole characters.
    private func trimmedByCharacters(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[start...end])
    }

    @Test func trimmingAgreesWithTrimmingByCharacters() {
        let samples = [
            "", " ", "\t\r\n", "{}", " {} ", "\t{\"a\":1}\t", "x\r\n", "\r\nx", " \u{301}x", "x \u{301}", "é", " é ",
            "/close", "  /close 1000 bye  ", "a\u{301}", "\u{1F600} ",
        ]
        for sample in samples {
            #expect(sample.trimmingWhitespace == trimmedByCharacters(sample), "\(Array(sample.unicodeScalars))")
        }
    }

    @Test func commandsAreRecognisedWhateverTheirFirstByte() {
        for line in ["/close", " /close", "\t/ids", "/publish hi", "\r/close"] {
            #expect(SlashCommands.isCommand(line), "\(line)")
        }
        for line in ["", "/", "/1", "{\"kind\":\"req\"}", "[1]", "hello", " ", "é/close", "/\u{301}x"] {
            #expect(!SlashCommands.isCommand(line), "\(line)")
        }
    }

    @Test func compactFramesPrintAsTheyCame() throws {
        let compact = [
            #"{"body":{"currentTime":1795662812751},"code":200,"kind":"resp","reqId":"1","type":".GetClock$Response"}"#,
            #"{"a":[1,-2.5,true,false,null,"é x"],"b":{},"c":[],"d":"a/b"}"#, "[]", "\"text\"", "-0.0",
        ]
        for text in compact {
            #expect(FrameJSON.isCompact(text), "\(text)")
            #expect(FrameJSON.compact(try FrameJSON.parse(text)) == text)
        }
        // Compact text goes out as it came even where the writer would spell it otherwise (jq's canonical
        // `-2.5E+3`, one member for a repeated key): wscat shows what was received.
        for text in [#"{"a":-2.5e3}"#, #"{"d":1,"d":2}"#] {
            #expect(try FrameJSON.isCompact(text) && FrameJSON.compact(FrameJSON.parse(text)) != text)
            let formatter = FrameFormatter(interactive: false, color: false, raw: false, timestamps: false)
            #expect(formatter.received(text, WSCatIncoming(json: try FrameJSON.parse(text))) == text + "\n")
        }
        // Text the printer would spell differently is printed anew.
        let spelledDifferently = [
            #"{"a": 1}"#, " {}", "{}\n", #"{"a":"\/"}"#, #"{"a":"\u00e9"}"#, #"{"a":"\n"}"#, "[1,\t2]", #"["\u0001"]"#,
        ]
        for text in spelledDifferently {
            #expect(!FrameJSON.isCompact(text), "\(text)")
        }
    }

    @Test func compactReceivedFramesAreWrittenUnchangedAndOthersReprinted() {
        let formatter = FrameFormatter(interactive: false, color: false, raw: false, timestamps: false)
        var conversation = MessagingConversation()
        let compact = #"{"kind":"resp","reqId":"1","code":200,"type":"GetClockResponse","body":{"currentTime":1}}"#
        #expect(formatter.received(compact, conversation.receive(compact)) == compact + "\n")
        let spaced = #"{ "kind": "resp", "body": { "text": "a \/ b" } }"#
        #expect(
            formatter.received(spaced, conversation.receive(spaced)) == #"{"kind":"resp","body":{"text":"a / b"}}"#
                + "\n")
        #expect(formatter.received("not json", conversation.receive("not json")) == "not json\n")
    }

    @Test func manyRequestsInFlightAreMatchedAndListedInSendOrder() {
        var conversation = MessagingConversation()
        for id in 1...2000 {
            let frame = #"{"kind":"req","id":\#(id),"type":"GetClock"}"#
            _ = conversation.prepare(frame, json: try? FrameJSON.parse(frame))
        }
        #expect(conversation.isWaiting && conversation.isWaiting(for: "GetClock"))
        #expect(!conversation.isWaiting(for: "cm.ConsumerRequestConversation"))
        // Answers out of order: every even id, from the last.
        for id in stride(from: 2000, through: 2, by: -2) {
            let answer = conversation.receive(#"{"kind":"resp","reqId":"\#(id)","code":200,"type":"GetClockResponse"}"#)
            #expect(answer.answers == "GetClock")
        }
        let waiting = conversation.waiting
        #expect(waiting.count == 1000)
        #expect(waiting.prefix(3).map(\.id) == ["1", "3", "5"] && waiting.last?.id == "1999")
        // An id sent again keeps its place and is reported.
        let again = #"{"kind":"req","id":3,"type":"ms.PublishEvent"}"#
        #expect(
            conversation.prepare(again, json: try? FrameJSON.parse(again)).notes == [
                "id 3 is already waiting for a response"
            ])
        #expect(
            conversation.waiting.prefix(2).map(\.id) == ["1", "3"] && conversation.waiting[1].type == "ms.PublishEvent")
        for id in stride(from: 1, through: 1999, by: 2) {
            _ = conversation.receive(#"{"kind":"resp","reqId":"\#(id)","code":200}"#)
        }
        #expect(!conversation.isWaiting && conversation.waiting.isEmpty)
    }

    @Test func placeholderIsFoundOnlyWhereItIs() {
        #expect(MessagingConversation.mentionsPlaceholder(CorpusFrames.publish))
        #expect(!MessagingConversation.mentionsPlaceholder(CorpusFrames.requestConversation))
        #expect(!MessagingConversation.mentionsPlaceholder("__YOUR_CONVERSATION_ID_"))
        #expect(MessagingConversation.mentionsPlaceholder("__YOUR_CONVERSATION_ID__"))
        #expect(!MessagingConversation.mentionsPlaceholder(""))
    }
}
