/// One site setting as the account-config API keeps it (`/api/account/{a}/configuration/setting/properties`):
/// `{"id":"messaging.file.sharing.enabled","type":1,"propertyValue":{"value":true},"deleted":false}`.
public struct SiteProperty: Codable, Hashable, Sendable {
    /// `{"value": …}`: a boolean, string, array or object depending on ``SiteProperty/type``.
    public struct Value: Codable, Hashable, Sendable {
        public var value: WireJSON

        public init(value: WireJSON) {
            self.value = value
        }
    }

    public var id: String
    /// The value's kind: 1 boolean, 2 string, 3 array, 4 object.
    public var type: Int
    public var propertyValue: Value
    public var deleted: Bool

    public init(id: String, type: Int, value: WireJSON, deleted: Bool = false) {
        self.id = id
        self.type = type
        self.propertyValue = Value(value: value)
        self.deleted = deleted
    }

    /// The type code for a value: 1 boolean, 3 array, 4 object, 2 anything else.
    public static func type(of value: WireJSON) -> Int {
        switch value {
        case .bool: 1
        case .array: 3
        case .object: 4
        default: 2
        }
    }
}
