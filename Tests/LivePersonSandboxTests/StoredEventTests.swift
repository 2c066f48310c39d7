import Foundation
import LivePersonAPI
import Testing

@testable import LivePersonSandbox

@Suite("Stored events")
struct StoredEventTests {
    static let samples = [
        #"{"type":"ContentEvent","contentType":"text/plain","message":"héllo \"quoted\" \\ \n\t\u0001 ☃"}"#,
        #"{"type":"AcceptStatusEvent","status":"READ","sequenceList":[0,1,2]}"#,
        #"{"a":null,"b":true,"c":false,"d":-0.5,"e":1e300,"f":12345678901,"g":{"h":[{"i":[]}],"j":{}},"k":-0}"#,
        #"{"n":0.1,"o":-7,"p":2.5e-8,"q":9007199254740993}"#,
    ]

    @Test(arguments: samples)
    func theTextReadsBackAsTheSameValue(json: String) throws {
        let value = try JSONDecoder().decode(WireJSON.self, from: Data(json.utf8))
        let text = WireJSONText.text(of: value)
        #expect(WireJSONText.value(of: text) == value, "\(text)")
        #expect(try JSONDecoder().decode(WireJSON.self, from: Data(text.utf8)) == value)
    }

    @Test func aChangeReadsBackWithItsIds() throws {
        let event = try JSONDecoder().decode(WireJSON.self, from: Data(Self.samples[0].utf8))
        let change = MessagingEventChange(
            sequence: 3, originator: ParticipantRef(id: "c1", role: "CONSUMER"), serverTimestamp: 17, event: event,
            conversationId: "conv", dialogId: "dialog", metadata: .array([.object(["type": .string("x")])]),
            messageAudience: "AGENTS_AND_MANAGERS")
        #expect(StoredEvent(change).change(conversationId: "conv", dialogId: "dialog") == change)
    }
}
