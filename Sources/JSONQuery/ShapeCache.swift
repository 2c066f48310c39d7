/// The key shapes one parser has built, so objects with the same keys in the same order share one
/// `KeyShape` (a document of many same-shaped records stores each key list once).
struct ShapeCache {
    /// The shape most recently built at each nesting depth: records in an array usually repeat it.
    private var recent: [KeyShape?] = []
    /// Shapes by a hash of their keys, one per slot (a hit is checked key by key; a new shape takes the slot).
    /// An array rather than a dictionary: a cold `jq` would pay the runtime's first-use lookup of `Int: Hashable`.
    private var table: [KeyShape?] = []
    /// Objects whose shape was not the recent one at their depth. The table is made only after this many: the
    /// documents that repeat shapes at different depths are the large ones.
    private var misses = 0
    private static let missesBeforeTable = 32

    /// Objects with more keys than this are maps rather than records: they get a shape of their own.
    private static let maximumKeys = 64
    private static let slots = 1024
    /// Objects made so far; after this many the document is a large one and its objects are stored packed
    /// (`PackedMembers`: less memory, a little more work to read a member), a small one's stay as arrays.
    private var made = 0
    private static let objectsBeforePacking = 1024

    /// An object over parsed members (in input order; a repeated key keeps its first position and its
    /// last value, as jq does).
    mutating func object(keys: ArraySlice<String>, values: ArraySlice<JSONValue>, depth: Int) -> JSONObject {
        guard keys.count <= Self.maximumKeys else { return Self.unshared(keys: keys, values: values) }
        made += 1
        if depth < recent.count, let shape = recent[depth], shape.hasKeys(keys) {
            return make(shape, values)
        }
        let shape: KeyShape
        misses += 1
        if misses <= Self.missesBeforeTable {
            // A small document (a WebSocket frame, a token's claims) never pays for the table: making and destroying
            // its 1,024 slots cost more than parsing a frame.
            guard Self.areDistinct(keys) else { return Self.unshared(keys: keys, values: values) }
            shape = KeyShape(keys: Array(keys))
        } else {
            var hasher = Hasher()
            for key in keys { hasher.combine(key) }
            let hash = hasher.finalize()
            if table.isEmpty { table = Array(repeating: nil, count: Self.slots) }
            let slot = Int(UInt(bitPattern: hash) % UInt(Self.slots))
            if let known = table[slot], known.hasKeys(keys) {
                shape = known
            } else {
                guard Self.areDistinct(keys) else { return Self.unshared(keys: keys, values: values) }
                shape = KeyShape(keys: Array(keys))
                table[slot] = shape
            }
        }
        if recent.isEmpty { recent.reserveCapacity(8) }
        while recent.count <= depth { recent.append(nil) }
        recent[depth] = shape
        return make(shape, values)
    }

    /// True once objects are stored packed: their strings are copied into the packing, so sharing them is no use.
    var isPacking: Bool { made >= Self.objectsBeforePacking }

    private func make(_ shape: KeyShape, _ values: ArraySlice<JSONValue>) -> JSONObject {
        if isPacking { return JSONObject(shape: shape, packing: values) }
        return JSONObject(shape: shape, values: Array(values))
    }

    private static func unshared(keys: ArraySlice<String>, values: ArraySlice<JSONValue>) -> JSONObject {
        if areDistinct(keys) { return JSONObject(shape: KeyShape(keys: Array(keys)), values: Array(values)) }
        var object = JSONObject()
        for (key, value) in zip(keys, values) { object[key] = value }
        return object
    }

    private static func areDistinct(_ keys: ArraySlice<String>) -> Bool {
        if keys.count <= 16 {
            var index = keys.startIndex
            while index < keys.endIndex {
                var other = index + 1
                while other < keys.endIndex {
                    if keys[index] == keys[other] { return false }
                    other += 1
                }
                index += 1
            }
            return true
        }
        return Set(keys).count == keys.count
    }
}
