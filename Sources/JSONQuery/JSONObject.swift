/// A JSON object that keeps insertion order; lookups use a hash index once the object grows.
///
/// The keys live in a `KeyShape` that objects with the same keys in the same order can share (the parser
/// hands one shape to every object of a repeated layout), and the values in an array of their own, so a
/// document of many same-shaped records stores each key list once. The values of a large document's objects are
/// packed (`PackedMembers`: scalars as bytes, one allocation per object). Setting an existing key only touches
/// the values (unpacking them first); adding or removing one copies a shared shape first (copy on write).
public struct JSONObject: Sendable {
    /// One member.
    public typealias Entry = (key: String, value: JSONValue)

    private var shape: KeyShape
    private var storage: Storage

    /// Where the values live: an array, or packed (the parser's objects in a large document, `PackedMembers`).
    enum Storage: @unchecked Sendable {
        // @unchecked: `PackedMembers` is written once by `make`, before any object holds it, then only read.
        case values([JSONValue])
        case packed(PackedMembers)
    }

    /// An empty object.
    public init() {
        shape = KeyShape.empty
        storage = .values([])
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
        self.storage = .values(values)
    }

    /// An object over a shape and exactly its values, stored packed (`PackedMembers`).
    init(shape: KeyShape, packing values: ArraySlice<JSONValue>) {
        self.shape = shape
        self.storage = .packed(PackedMembers.make(values))
    }

    /// The number of members.
    public var count: Int {
        switch storage {
        case .values(let values): values.count
        case .packed(let members): members.count
        }
    }

    /// True when the object has no members.
    public var isEmpty: Bool { count == 0 }

    /// The keys in insertion order.
    public var keys: [String] { shape.keys }

    /// The values in insertion order.
    public var values: [JSONValue] {
        switch storage {
        case .values(let values): values
        case .packed(let members): members.allValues()
        }
    }

    /// The values when they are stored packed.
    var packedMembers: PackedMembers? {
        if case .packed(let members) = storage { return members }
        return nil
    }

    /// The members in insertion order.
    public var entries: Entries { Entries(keys: shape.keys, storage: storage) }

    /// The value for a key; setting `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = shape.position(of: key) else { return nil }
            switch storage {
            case .values(let values): return values[position]
            case .packed(let members): return members.value(at: position)
            }
        }
        set {
            if let position = shape.position(of: key) {
                if let newValue {
                    withValues { $0[position] = newValue }
                } else {
                    withValues { _ = $0.remove(at: position) }
                    uniqueShape().remove(at: position)
                }
            } else if let newValue {
                appendUnchecked(key, newValue)
            }
        }
    }

    /// Appends a member known not to be present yet.
    mutating func appendUnchecked(_ key: String, _ value: JSONValue) {
        withValues { $0.append(value) }
        uniqueShape().append(key)
    }

    /// Replaces the value at a position.
    mutating func setValue(at position: Int, _ value: JSONValue) {
        withValues { $0[position] = value }
    }

    /// Reserves room for members.
    mutating func reserveCapacity(_ capacity: Int) {
        withValues { $0.reserveCapacity(capacity) }
    }

    /// Changes the values as an array (unpacking packed ones first), without copying an array held only here.
    private mutating func withValues(_ body: (inout [JSONValue]) -> Void) {
        var values: [JSONValue]
        switch storage {
        case .values(let array): values = array
        case .packed(let members): values = members.allValues()
        }
        storage = .values([])
        body(&values)
        storage = .values(values)
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
        let storage: Storage

        /// The first position.
        public var startIndex: Int { 0 }
        /// One past the last position.
        public var endIndex: Int { keys.count }

        /// The member at a position.
        public subscript(position: Int) -> Entry {
            switch storage {
            case .values(let values): (keys[position], values[position])
            case .packed(let members): (keys[position], members.value(at: position))
            }
        }

        /// Reads packed members in one pass rather than from the start for each.
        public func makeIterator() -> Iterator {
            Iterator(entries: self)
        }

        /// The members in order.
        public struct Iterator: IteratorProtocol {
            let entries: Entries
            var position = 0
            var cursor = PackedMembers.Cursor()

            /// The next member.
            public mutating func next() -> Entry? {
                guard position < entries.keys.count else { return nil }
                defer { position += 1 }
                switch entries.storage {
                case .values(let values): return (entries.keys[position], values[position])
                case .packed(let members): return (entries.keys[position], members.read(&cursor))
                }
            }
        }
    }
}
