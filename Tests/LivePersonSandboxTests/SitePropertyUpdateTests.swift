import Foundation
import LivePersonAPI
import Testing

@testable import LivePersonSandbox

struct SitePropertyUpdateTests {
    static let setting = "messaging.file.sharing.enabled"

    func parse(_ body: String, id: String = setting) -> Result<SiteProperty, SitePropertyUpdate.Refusal> {
        SitePropertyUpdate.parse(id: id, body: try? JSONDecoder().decode(WireJSON.self, from: Data(body.utf8)))
    }

    @Test func acceptsBooleansAndTheirStrings() throws {
        let quoted = try parse(
            #"{"id":"messaging.file.sharing.enabled","type":1,"propertyValue":{"value":"true"},"deleted":"false"}"#
        ).get()
        #expect(quoted == SiteProperty(id: Self.setting, type: 1, value: .bool(true)))
        let plain = try parse(#"{"propertyValue":{"value":false}}"#).get()
        #expect(plain == SiteProperty(id: Self.setting, type: 1, value: .bool(false)))
    }

    @Test func keepsOtherSettingsAsGiven() throws {
        let text = try parse(#"{"propertyValue":{"value":"en-US"}}"#, id: "le.general.language").get()
        #expect(text == SiteProperty(id: "le.general.language", type: 2, value: .string("en-US")))
        let typed = try parse(#"{"type":4,"propertyValue":{"value":{"a":1}}}"#, id: "x.y").get()
        #expect(typed.type == 4)
    }

    @Test(arguments: [
        (#"{"propertyValue":{"value":"yes"}}"#, "propertyValue.value 'yes' is not a boolean"),
        (#"{"propertyValue":{}}"#, "propertyValue.value is missing"),
        (#"{"id":"other","propertyValue":{"value":true}}"#, "id 'other' in the body"),
        (#"{"type":9,"propertyValue":{"value":true}}"#, "type 9 is not 1, 2, 3 or 4"),
        (#"{"deleted":"maybe","propertyValue":{"value":true}}"#, "deleted 'maybe' is not true or false"),
        ("true", "body must be a JSON object"),
        ("not json", "body must be a JSON object"),
    ])
    func refuses(_ body: String, _ message: String) {
        guard case .failure(let refusal) = parse(body) else {
            Issue.record("accepted \(body)")
            return
        }
        #expect(refusal.message.contains(message), "\(refusal.message)")
    }

    @Test func refusesABadPropertyName() {
        guard case .failure(let refusal) = parse(#"{"propertyValue":{"value":1}}"#, id: "a b") else {
            Issue.record("accepted a property id with a space")
            return
        }
        #expect(refusal.message.contains("'a b'"))
    }
}
