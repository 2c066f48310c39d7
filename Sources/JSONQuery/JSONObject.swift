/// A JSON object that keeps insertion order; lookups use a hash index once the object grows.
public struct JSONObject: Sendable {
    /// One member.
    public typealias Entry = (key: String, value: JSONValue)

    /// The members in insertion order.
    public private(set) var entries: [Entry]
    private var index: KeyIndex?

    private static let indexThreshold = 12

    /// An empty object.
    public init() {
        entries = []
    }

    /// An object from members; a repeated key keeps its first position and its last value.
    public init(_ members: some Sequence<Entry>) {
        entries = []
        for (key, value) in members { self[key] = value }
    }

    /// The number of members.
    public var count: Int { entries.count }

    /// True when the object has no members.
    public var isEmpty: Bool { entries.isEmpty }

    /// The keys in insertion order.
    public var keys: [String] { entries.map(\.key) }

    /// The values in insertion order.
    public var values: [JSONValue] { entries.map(\.value) }

    private func position(of key: String) -> Int? {
        if let index { return index.positions[key] }
        return entries.firstIndex { $0.key == key }
    }

    /// The value for a key; setting `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = position(of: key) else { return nil }
            return entries[position].value
        }
        set {
            if let position = position(of: key) {
                if let newValue {
                    entries[position].value = newValue
                } else {
                    entries.remove(at: position)
                    rebuildIndex()
                }
            } else if let newValue {
                entries.append((key, newValue))
                if index != nil {
                    if !isKnownUniquelyReferenced(&index!) { index = KeyIndex(index!.positions) }
                    index!.positions[key] = entries.count - 1
                } else if entries.count > Self.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    /// Appends a member known not to be present yet (used by the parser after its own duplicate check).
    mutating func appendUnchecked(_ key: String, _ value: JSONValue) {
        entries.append((key, value))
        if index != nil {
            if !isKnownUniquelyReferenced(&index!) { index = KeyIndex(index!.positions) }
            index!.positions[key] = entries.count - 1
        } else if entries.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    /// Replaces the value at a position.
    mutating func setValue(at position: Int, _ value: JSONValue) {
        entries[position].value = value
    }

    /// Reserves room for members.
    mutating func reserveCapacity(_ capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    private mutating func rebuildIndex() {
        guard entries.count > Self.indexThreshold else {
            index = nil
            return
        }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(entries.count)
        for (offset, entry) in entries.enumerated() { positions[entry.key] = offset }
        index = KeyIndex(positions)
    }

    /// The keys sorted by their UTF-8 bytes, as `keys` and `-S` order them.
    public var sortedKeys: [String] {
        keys.sorted { JSONValue.compareStrings($0, $1) < 0 }
    }
}

private final class KeyIndex: @unchecked Sendable {
    // @unchecked: mutated only after an isKnownUniquelyReferenced check (copy on write).
    var positions: [String: Int]

    init(_ positions: [String: Int]) {
        self.positions = positions
    }
}
