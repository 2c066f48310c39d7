/// A JSON object that keeps insertion order; lookups use a hash index once the object grows.
///
/// The keys live in a `KeyShape` that objects with the same keys in the same order can share (the parser
/// hands one shape to every object of a repeated layout), and the values in an array of their own, so a
/// document of many same-shaped records stores each key list once. Setting an existing key only touches
/// the values; adding or removing one copies a shared shape first (copy on write).
public struct JSONObject: Sendable {
    /// One member.
    public typealias Entry = (key: String, value: JSONValue)

    private var shape: KeyShape
    private var storedValues: [JSONValue]

    /// An empty object.
    public init() {
        shape = KeyShape.empty
        storedValues = []
    }

    /// An object from members; a repeated key keeps its first position and its last value.
    public init(_ members: some Sequence<Entry>) {
        self.init()
        for (key, value) in members { self[key] = value }
    }

    /// An object from an array of members (not generic: a cold process would otherwise look up the array's
    /// iterator type at run time).
    public init(_ members: [Entry]) {
        self.init()
        for index in members.indices { self[members[index].key] = members[index].value }
    }

    /// An object over a shape and exactly its values (the parser's constructor: keys known distinct).
    init(shape: KeyShape, values: [JSONValue]) {
        self.shape = shape
        self.storedValues = values
    }

    /// The number of members.
    public var count: Int { storedValues.count }

    /// True when the object has no members.
    public var isEmpty: Bool { storedValues.isEmpty }

    /// The keys in insertion order.
    public var keys: [String] { shape.keys }

    /// The values in insertion order.
    public var values: [JSONValue] { storedValues }

    /// The members in insertion order.
    public var entries: Entries { Entries(keys: shape.keys, values: storedValues) }

    /// The value for a key; setting `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = shape.position(of: key) else { return nil }
            return storedValues[position]
        }
        set {
            if let position = shape.position(of: key) {
                if let newValue {
                    storedValues[position] = newValue
                } else {
                    storedValues.remove(at: position)
                    uniqueShape().remove(at: position)
                }
            } else if let newValue {
                appendUnchecked(key, newValue)
            }
        }
    }

    /// Appends a member known not to be present yet.
    mutating func appendUnchecked(_ key: String, _ value: JSONValue) {
        storedValues.append(value)
        uniqueShape().append(key)
    }

    /// Replaces the value at a position.
    mutating func setValue(at position: Int, _ value: JSONValue) {
        storedValues[position] = value
    }

    /// Reserves room for members.
    mutating func reserveCapacity(_ capacity: Int) {
        storedValues.reserveCapacity(capacity)
    }

    /// The shape, copied first when other objects share it.
    private mutating func uniqueShape() -> KeyShape {
        if !isKnownUniquelyReferenced(&shape) { shape = KeyShape(copying: shape) }
        return shape
    }

    /// The keys sorted by their UTF-8 bytes, as `keys` and `-S` order them.
    public var sortedKeys: [String] {
        keys.sorted { JSONValue.compareStrings($0, $1) < 0 }
    }

    /// The members of an object as `(key, value)` pairs in insertion order.
    public struct Entries: RandomAccessCollection, Sendable {
        let keys: [String]
        let values: [JSONValue]

        /// The first position.
        public var startIndex: Int { 0 }
        /// One past the last position.
        public var endIndex: Int { values.count }

        /// The member at a position.
        public subscript(position: Int) -> Entry {
            (keys[position], values[position])
        }
    }
}
