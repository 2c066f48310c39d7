/// The ordered keys of one or more objects, with a hash index once there are more than a few.
///
/// Objects share a shape while their key lists are equal; a shape is mutated only by an object that
/// holds the sole reference to it (`JSONObject` checks `isKnownUniquelyReferenced` first).
final class KeyShape: @unchecked Sendable {
    // @unchecked: mutated only after an isKnownUniquelyReferenced check (copy on write); shared shapes
    // are read-only.
    private(set) var keys: [String]
    private var positions: [String: Int]?

    private static let indexThreshold = 12

    /// The shape of an object without members.
    static let empty = KeyShape(keys: [])

    /// A shape over distinct keys.
    init(keys: [String]) {
        self.keys = keys
        if keys.count > Self.indexThreshold { rebuildIndex() }
    }

    /// A copy to mutate.
    init(copying other: KeyShape) {
        keys = other.keys
        positions = other.positions
    }

    /// The position of a key, if present.
    @inline(__always)
    func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        return keys.firstIndex(of: key)
    }

    /// Appends a key known not to be present.
    func append(_ key: String) {
        keys.append(key)
        if positions != nil {
            positions![key] = keys.count - 1
        } else if keys.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    /// Removes the key at a position.
    func remove(at position: Int) {
        keys.remove(at: position)
        if keys.count > Self.indexThreshold {
            rebuildIndex()
        } else {
            positions = nil
        }
    }

    /// True when the keys equal the given ones, in order.
    func hasKeys(_ other: ArraySlice<String>) -> Bool {
        keys.count == other.count && keys.elementsEqual(other)
    }

    private func rebuildIndex() {
        var index: [String: Int] = [:]
        index.reserveCapacity(keys.count)
        for (offset, key) in keys.enumerated() { index[key] = offset }
        positions = index
    }
}
