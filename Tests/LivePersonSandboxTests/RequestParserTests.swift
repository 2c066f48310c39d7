import Foundation
import LivePersonAPI
import Testing

@testable import LivePersonSandbox

/// The hot-path request parser must read every frame exactly as `JSONDecoder` does, or decline it.
struct RequestParserTests {
    static let accepted = [
        #"{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"#,
        #"{"kind":"req","id":"abc","type":"ms.PublishEvent","body":{"dialogId":"d-1","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi"}}}"#,
        #" { "id" : -42 , "type" : "GetClock" , "body" : null , "metadata" : [ { "type" : "x", "n": 1.5 } ] } "#,
        #"{"id":"7","type":"t","headers":[{"type":".ams.headers.ConsumerAuthentication","jwt":"a.b.c"}],"extra":{"x":[true,false,null,0,-0.25]}}"#,
        #"{"id":2,"type":"t","body":{"message":"caf\u00e9 \ud83d\ude00 \"quoted\" \\ \/ \n\t","utf8":"naïve ✓"}}"#,
        #"{"kind":null,"id":3,"type":"t","headers":null}"#,
    ]

    static let declined = [
        "", "[]", "{", #"{"id":1}"#, #"{"type":"t"}"#, #"{"id":1.5,"type":"t"}"#, #"{"id":1e2,"type":"t"}"#,
        #"{"id":true,"type":"t"}"#, #"{"id":1,"type":2}"#, #"{"id":1,"type":"t","headers":{}}"#,
        #"{"id":1,"id":2,"type":"t"}"#, #"{"id":1,"type":"t","body":{"a":1,"a":2}}"#, #"{"id":1,"type":"t"} x"#,
        #"{"id":1,"type":"t","body":{"n":1.5e3}}"#, #"{"id":0,"type":"","body":{"d":0e1}}"#,
        #"{"id":01,"type":"t"}"#, #"{"id":1,"type":"t","body":"\ud83d"}"#, "{\"id\":1,\"type\":\"a\u{1}\"}",
        #"{"id":1,"type":"t","body":1e999}"#, #"{"id":1,"type":"t","kind":5}"#, #"{"id":1,"type":"t",}"#,
    ]

    @Test(arguments: accepted)
    func readsLikeJSONDecoder(_ text: String) throws {
        let parsed = try #require(RequestParser.request(text))
        let decoded = try JSONDecoder().decode(UMSRequest.self, from: Data(text.utf8))
        #expect(parsed == decoded)
    }

    @Test(arguments: declined)
    func declinesWhatItIsNotSureAbout(_ text: String) {
        #expect(RequestParser.request(text) == nil)
    }

    @Test func publishAckIsValidJSONWithTheRequestId() throws {
        let text = FrameEncoder.publishEventResponse(reqId: "a\"b\\c\n\u{1}", sequence: 7)
        let response = try JSONDecoder().decode(UMSResponse<PublishEventBody>.self, from: Data(text.utf8))
        #expect(response.reqId == "a\"b\\c\n\u{1}")
        #expect(response.code == 200)
        #expect(response.type == UMSType.publishEventResponse)
        #expect(response.body?.sequence == 7)
    }
}
