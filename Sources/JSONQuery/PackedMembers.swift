/// The values of a parsed object in one compact allocation: scalars (null, booleans, doubles, strings) as bytes,
/// containers and preserved number literals as `JSONValue`s before them. A `JSONValue` member costs 24 bytes plus a
/// heap block for a string of more than 15 bytes; here a string costs its bytes and a length byte or two, so a large
/// document of records holds much less than its values would (jq's `.` on a 50 MB message history: BENCHMARKS.md).
///
/// The elements are the children (`childCount` values, 8-byte aligned after the 24-byte object and header), then
/// the bytes: per member a tag, then a double's 8 bytes or a string's length and UTF-8 bytes.
///
/// Read only: an object that changes a member first turns these into an array of values (`JSONObject`).
/// (Not `Sendable`, as no `ManagedBuffer` is: `JSONObject.Storage` vouches for it, since nothing changes it after `make`.)
final class PackedMembers: ManagedBuffer<PackedMembersHeader, UInt8> {

    private enum Tag: UInt8 {
        case null, falseValue, trueValue, number, string, child
    }

    /// Packs values (the members of one object, in order).
    static func make(_ values: ArraySlice<JSONValue>) -> PackedMembers {
        var byteCount = 0
        var childCount = 0
        for value in values {
            switch value {
            case .null, .bool: byteCount += 1
            case .number: byteCount += 9
            case .string(let string):
                let length = string.utf8.count
                byteCount += 1 + lengthSize(length) + length
            case .literal, .array, .object:
                byteCount += 1
                childCount += 1
            }
        }
        let header = PackedMembersHeader(count: Int32(values.count), childCount: Int32(childCount))
        let childBytes = childCount * MemoryLayout<JSONValue>.stride
        let members = unsafeDowncast(
            create(minimumCapacity: childBytes + byteCount) { _ in header }, to: PackedMembers.self)
        members.withUnsafeMutablePointerToElements { start in
            var child = members.children(start)
            var cursor = start + childBytes
            for value in values {
                switch value {
                case .null:
                    cursor.initialize(to: Tag.null.rawValue)
                    cursor += 1
                case .bool(let flag):
                    cursor.initialize(to: (flag ? Tag.trueValue : Tag.falseValue).rawValue)
                    cursor += 1
                case .number(let number):
                    cursor.initialize(to: Tag.number.rawValue)
                    UnsafeMutableRawPointer(cursor + 1).storeBytes(of: number.bitPattern, as: UInt64.self)
                    cursor += 9
                case .string(var string):
                    cursor.initialize(to: Tag.string.rawValue)
                    cursor += 1
                    string.withUTF8 { bytes in
                        cursor = writeLength(bytes.count, at: cursor)
                        if let base = bytes.baseAddress { cursor.initialize(from: base, count: bytes.count) }
                        cursor += bytes.count
                    }
                case .literal, .array, .object:
                    cursor.initialize(to: Tag.child.rawValue)
                    cursor += 1
                    child.initialize(to: value)
                    child += 1
                }
            }
        }
        return members
    }

    deinit {
        _ = withUnsafeMutablePointerToElements { children($0).deinitialize(count: Int(header.childCount)) }
    }

    /// The children at the start of the elements, bound as values.
    private func children(_ start: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<JSONValue> {
        let raw = UnsafeMutableRawPointer(start)
        assert(Int(bitPattern: raw) % MemoryLayout<JSONValue>.alignment == 0)
        return raw.bindMemory(to: JSONValue.self, capacity: Int(header.childCount))
    }

    /// The first member's tag.
    private func bytes(_ start: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        start + Int(header.childCount) * MemoryLayout<JSONValue>.stride
    }

    /// The number of members.
    var count: Int { Int(header.count) }

    /// The value at a position (read from the start: objects are small).
    func value(at position: Int) -> JSONValue {
        var cursor = Cursor()
        for _ in 0..<position { skip(&cursor) }
        return read(&cursor)
    }

    /// All values in order.
    func allValues() -> [JSONValue] {
        var values: [JSONValue] = []
        values.reserveCapacity(count)
        var cursor = Cursor()
        for _ in 0..<count { values.append(read(&cursor)) }
        return values
    }

    /// A position in the bytes, and the number of children before it.
    struct Cursor {
        var offset = 0
        var child = 0
    }

    /// Reads the value at the cursor and moves past it.
    func read(_ cursor: inout Cursor) -> JSONValue {
        withUnsafeMutablePointerToElements { start in
            let bytes = self.bytes(start) + cursor.offset
            switch Tag(rawValue: bytes.pointee)! {
            case .null:
                cursor.offset += 1
                return .null
            case .falseValue:
                cursor.offset += 1
                return .bool(false)
            case .trueValue:
                cursor.offset += 1
                return .bool(true)
            case .number:
                cursor.offset += 9
                return .number(Double(bitPattern: UnsafeRawPointer(bytes + 1).loadUnaligned(as: UInt64.self)))
            case .string:
                let (length, lengthBytes) = Self.readLength(at: bytes + 1)
                cursor.offset += 1 + lengthBytes + length
                return .string(
                    String(decoding: UnsafeBufferPointer(start: bytes + 1 + lengthBytes, count: length), as: UTF8.self))
            case .child:
                cursor.offset += 1
                cursor.child += 1
                return children(start)[cursor.child - 1]
            }
        }
    }

    /// Reads the value at the cursor and moves past it; a string is handed to `string` as its UTF-8 bytes instead of
    /// being made (the writer copies them out: no `String` to allocate and free), and nil returned.
    func read(_ cursor: inout Cursor, string: (UnsafeBufferPointer<UInt8>) -> Void) -> JSONValue? {
        let bytes = withUnsafeMutablePointerToElements { self.bytes($0) + cursor.offset }
        guard bytes.pointee == Tag.string.rawValue else { return read(&cursor) }
        let (length, lengthBytes) = Self.readLength(at: bytes + 1)
        cursor.offset += 1 + lengthBytes + length
        string(UnsafeBufferPointer(start: bytes + 1 + lengthBytes, count: length))
        return nil
    }

    /// Moves the cursor past one value without making it.
    private func skip(_ cursor: inout Cursor) {
        withUnsafeMutablePointerToElements { start in
            let bytes = self.bytes(start) + cursor.offset
            switch Tag(rawValue: bytes.pointee)! {
            case .null, .falseValue, .trueValue: cursor.offset += 1
            case .number: cursor.offset += 9
            case .string:
                let (length, lengthBytes) = Self.readLength(at: bytes + 1)
                cursor.offset += 1 + lengthBytes + length
            case .child:
                cursor.offset += 1
                cursor.child += 1
            }
        }
    }

    /// A string's length takes 7 bits per byte, low bits first; the high bit says another byte follows.
    private static func lengthSize(_ length: Int) -> Int {
        var size = 1
        var rest = length >> 7
        while rest > 0 {
            size += 1
            rest >>= 7
        }
        return size
    }

    private static func writeLength(_ length: Int, at cursor: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<
        UInt8
    > {
        var cursor = cursor
        var rest = length
        while rest >= 0x80 {
            cursor.pointee = UInt8(truncatingIfNeeded: rest) | 0x80
            cursor += 1
            rest >>= 7
        }
        cursor.pointee = UInt8(rest)
        return cursor + 1
    }

    private static func readLength(at bytes: UnsafeMutablePointer<UInt8>) -> (length: Int, size: Int) {
        var length = 0
        var shift = 0
        var size = 0
        while true {
            let byte = bytes[size]
            size += 1
            length |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return (length, size) }
            shift += 7
        }
    }
}

/// The counts a `PackedMembers` keeps before its elements.
struct PackedMembersHeader {
    /// The number of members.
    let count: Int32
    /// The members that are containers or preserved number literals (stored as values before the bytes).
    let childCount: Int32
}
