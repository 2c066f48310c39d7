import LivePersonAPI

/// The body of a site-setting write, `{"id":…,"type":…,"propertyValue":{"value":…},"deleted":false}`, checked
/// against the property named in the path. Booleans may come as JSON booleans or as the strings `"true"`/`"false"`
/// (what a shell script quoting every value sends); they are kept as booleans.
enum SitePropertyUpdate {
    /// Settings whose value is a boolean.
    static let booleanSettings: Set<String> = [
        InMemorySandboxStore.fileSharingSetting, "messaging.agent.file.sharing.enabled",
    ]

    /// The property to store, or the one-line reason the body is refused.
    static func parse(id: String, body: WireJSON?) -> Result<SiteProperty, Refusal> {
        guard isValidID(id) else {
            return .failure(Refusal("property id '\(id)' is not a setting name (letters, digits, '.', '-', '_')"))
        }
        guard let body, case .object = body else {
            return .failure(
                Refusal(#"body must be a JSON object like {"id":"\#(id)","type":1,"propertyValue":{"value":true}}"#))
        }
        if let bodyID = body["id"], bodyID.stringValue != id {
            return .failure(
                Refusal("id \(InMemorySandboxStore.describe(bodyID)) in the body is not '\(id)' of the path"))
        }
        guard let propertyValue = body["propertyValue"], case .object = propertyValue,
            var value = propertyValue["value"]
        else {
            return .failure(Refusal("propertyValue.value is missing"))
        }
        if booleanSettings.contains(id) {
            switch value {
            case .bool: break
            case .string("true"): value = .bool(true)
            case .string("false"): value = .bool(false)
            default:
                return .failure(
                    Refusal(
                        "propertyValue.value \(InMemorySandboxStore.describe(value)) is not a boolean: "
                            + "\(id) takes true or false"))
            }
        }
        let type: Int
        if let given = body["type"] {
            guard let number = given.intValue, (1...4).contains(number) else {
                return .failure(Refusal("type \(InMemorySandboxStore.describe(given)) is not 1, 2, 3 or 4"))
            }
            type = booleanSettings.contains(id) ? 1 : number
        } else {
            type = SiteProperty.type(of: value)
        }
        let deleted: Bool
        switch body["deleted"] {
        case nil, .bool(false)?, .string("false")?: deleted = false
        case .bool(true)?, .string("true")?: deleted = true
        case let other?:
            return .failure(Refusal("deleted \(InMemorySandboxStore.describe(other)) is not true or false"))
        }
        return .success(SiteProperty(id: id, type: type, value: value, deleted: deleted))
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 200
            && id.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
            }
    }

    /// Why a write was refused, as one line.
    struct Refusal: Error, Equatable {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
