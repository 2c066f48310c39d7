extension JSONValue {
    /// The largest index an assignment may pad an array to. jq 1.7 allows 536,870,912 (13 GB of values here); the
    /// built-in jq runs inside the shell's process, where that would end the session, so it stops at 2^24 (~400 MB).
    static let maximumPaddedIndex = 1 << 24

    /// The longest string `string * n` may build (jq: 2 GiB).
    static let maximumRepeatedStringBytes = 1 << 28

    /// `text` repeated `times` times by doubling: log2(times) copies instead of one append per repetition.
    static func repeated(_ text: String, _ times: Int) -> String {
        guard times > 0 else { return "" }
        let unit = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(unit.count * times)
        bytes.append(contentsOf: unit)
        while bytes.count < unit.count * times {
            bytes.append(contentsOf: bytes[0..<min(bytes.count, unit.count * times - bytes.count)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// jq's arithmetic, indexing and path primitives on values.
extension JSONValue {
    /// A value dumped for an error message, cut to `limit` bytes with `...` as jq does.
    func errorDump(limit: Int = 11) -> String {
        let text = JSONWriter.compactString(self)
        let bytes = Array(text.utf8)
        if bytes.count <= limit + 3 { return text }
        return String(decoding: bytes[..<limit], as: UTF8.self) + "..."
    }

    /// `type (value)` as error messages show a value.
    var errorDescription: String { "\(typeName) (\(errorDump()))" }

    static func fail(_ message: String) -> QueryFailure { .error(.string(message)) }

    static func arithmetic(_ op: BinaryOperator, _ lhs: JSONValue, _ rhs: JSONValue) throws(QueryFailure) -> JSONValue {
        switch op {
        case .add: return try add(lhs, rhs)
        case .subtract:
            if let a = lhs.doubleValue, let b = rhs.doubleValue { return .number(a - b) }
            if case .array(let a) = lhs, case .array(let b) = rhs {
                return .array(a.filter { element in !b.contains { $0 == element } })
            }
            throw fail("\(lhs.errorDescription) and \(rhs.errorDescription) cannot be subtracted")
        case .multiply:
            if let a = lhs.doubleValue, let b = rhs.doubleValue { return .number(a * b) }
            if case .object(let a) = lhs, case .object(let b) = rhs { return .object(deepMerge(a, b)) }
            var string: String?
            var count: Double?
            if case .string(let s) = lhs, let n = rhs.doubleValue {
                string = s
                count = n
            } else if case .string(let s) = rhs, let n = lhs.doubleValue {
                string = s
                count = n
            }
            if let string, let count {
                // jq 1.7.1: a negative or NaN count is null, otherwise the count truncated (`* 0.5` is "").
                if count < 0 || count.isNaN { return .null }
                // jq's message; jq's limit is 2 GiB, this one 256 MiB, as for arrays (the built-in runs inside the
                // shell's process); also keeps Int(count) from trapping (found by scripts/fuzz: `"ab" * 5e18`).
                let length = Double(max(string.utf8.count, 1))
                guard count.rounded(.towardZero) * length <= Double(Self.maximumRepeatedStringBytes) else {
                    throw fail("Repeat string result too long")
                }
                return .string(Self.repeated(string, Int(count.rounded(.towardZero))))
            }
            throw fail("\(lhs.errorDescription) and \(rhs.errorDescription) cannot be multiplied")
        case .divide:
            if let a = lhs.doubleValue, let b = rhs.doubleValue {
                if b == 0 {
                    throw fail(
                        "\(lhs.errorDescription) and \(rhs.errorDescription) cannot be divided because the divisor is zero"
                    )
                }
                return .number(a / b)
            }
            if case .string(let a) = lhs, case .string(let b) = rhs {
                return .array(split(a, by: b).map(JSONValue.string))
            }
            throw fail("\(lhs.errorDescription) and \(rhs.errorDescription) cannot be divided")
        case .modulo:
            if let a = lhs.doubleValue, let b = rhs.doubleValue {
                if a.isNaN || b.isNaN { return .number(.nan) }
                let divisor = clampedInteger(b)
                if divisor == 0 {
                    throw fail(
                        "\(lhs.errorDescription) and \(rhs.errorDescription) cannot be divided (remainder) because the divisor is zero"
                    )
                }
                let dividend = clampedInteger(a)
                if divisor == -1 { return .number(0) }
                // Swift's remainder takes the dividend's sign whatever the divisor's, as jq's does; abs(Int.min) would trap
                // (found by scripts/fuzz: `1 % -(8e22)`).
                return .number(Double(dividend % divisor))
            }
            throw fail("\(lhs.errorDescription) and \(rhs.errorDescription) cannot be divided (remainder)")
        case .equal: return .bool(lhs == rhs)
        case .notEqual: return .bool(lhs != rhs)
        case .less: return .bool(compare(lhs, rhs) < 0)
        case .lessOrEqual: return .bool(compare(lhs, rhs) <= 0)
        case .greater: return .bool(compare(lhs, rhs) > 0)
        case .greaterOrEqual: return .bool(compare(lhs, rhs) >= 0)
        case .and, .or, .alternative: return .null
        }
    }

    static func add(_ lhs: JSONValue, _ rhs: JSONValue) throws(QueryFailure) -> JSONValue {
        switch (lhs, rhs) {
        case (.null, _): return rhs
        case (_, .null): return lhs
        case (.string(let a), .string(let b)): return .string(a + b)
        case (.array(let a), .array(let b)): return .array(a + b)
        case (.object(var a), .object(let b)):
            for (key, value) in b.entries { a[key] = value }
            return .object(a)
        default:
            if let a = lhs.doubleValue, let b = rhs.doubleValue { return .number(a + b) }
            throw fail("\(lhs.errorDescription) and \(rhs.errorDescription) cannot be added")
        }
    }

    static func deepMerge(_ a: JSONObject, _ b: JSONObject) -> JSONObject {
        var result = a
        for (key, value) in b.entries {
            if case .object(let inner)? = result[key], case .object(let other) = value {
                result[key] = .object(deepMerge(inner, other))
            } else {
                result[key] = value
            }
        }
        return result
    }

    /// Splits a string by a literal separator (jq's `split/1` and string division).
    static func split(_ string: String, by separator: String) -> [String] {
        if string.isEmpty { return [] }
        let bytes = Array(string.utf8)
        let sep = Array(separator.utf8)
        if sep.isEmpty {
            return string.unicodeScalars.map { String($0) }
        }
        var parts: [String] = []
        var start = 0
        var index = 0
        while index + sep.count <= bytes.count {
            if bytes[index..<index + sep.count].elementsEqual(sep) {
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += sep.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }

    /// `.[key]`.
    func index(_ key: JSONValue) throws(QueryFailure) -> JSONValue {
        switch (self, key) {
        case (.object(let object), .string(let name)): return object[name] ?? .null
        case (.array(let array), _) where key.doubleValue != nil:
            let number = key.doubleValue!
            // jq 1.7.1 floors a fractional index (`.[1.5]` is `.[1]`); NaN indexes nothing.
            if number.isNaN { return .null }
            var position = Int(clampedInteger(number.rounded(.down)))
            if position < 0 { position += array.count }
            return position >= 0 && position < array.count ? array[position] : .null
        case (.null, .string), (.null, .null): return .null
        case (.null, _) where key.doubleValue != nil: return .null
        case (.null, .object): return .null
        case (.array, .object(let bounds)), (.string, .object(let bounds)):
            return try slice(bounds["start"] ?? .null, bounds["end"] ?? .null)
        case (.array(let array), .array(let needle)):
            return .array(Self.indices(of: needle, in: array).map { .number(Double($0)) })
        case (_, .string(let name)):
            throw Self.cannotIndex(self, with: name)
        default:
            throw Self.fail("Cannot index \(typeName) with \(key.typeName)")
        }
    }

    /// jq 1.7.1's `jv_get` error for a string key: the key is quoted when it is shorter than 30 bytes.
    static func cannotIndex(_ container: JSONValue, with key: String) -> QueryFailure {
        key.utf8.count < 30
            ? fail("Cannot index \(container.typeName) with string \"\(key)\"")
            : fail("Cannot index \(container.typeName) with string")
    }

    var isArray: Bool {
        if case .array = self { return true }
        return false
    }

    static func indices(of needle: [JSONValue], in array: [JSONValue]) -> [Int] {
        guard !needle.isEmpty, needle.count <= array.count else { return [] }
        var result: [Int] = []
        for start in 0...(array.count - needle.count)
        where zip(array[start..<start + needle.count], needle).allSatisfy({ $0 == $1 }) {
            result.append(start)
        }
        return result
    }

    /// Resolves slice bounds against a length as jq does (negative from the end, clamped, end rounded up).
    static func sliceBounds(_ from: JSONValue, _ to: JSONValue, count: Int) throws(QueryFailure) -> (Int, Int) {
        func bound(_ value: JSONValue, _ fallback: Int) throws(QueryFailure) -> Double {
            if case .null = value { return Double(fallback) }
            guard let number = value.doubleValue else {
                throw fail("Start and end indices of an array slice must be numbers")
            }
            return number
        }
        let length = Double(count)
        // NaN bounds mean the ends, as jq 1.7.1 reads them (`.[nan:1]` is `.[:1]`).
        var start = try bound(from, 0)
        if start.isNaN { start = 0 }
        var end = try bound(to, count)
        if end.isNaN { end = length }
        if start < 0 { start += length }
        if end < 0 { end += length }
        start = min(max(start, 0), length)
        end = min(max(end, 0), length)
        let startIndex = Int(start.rounded(.down))
        var endIndex = Int(end.rounded(.up))
        if endIndex < startIndex { endIndex = startIndex }
        return (startIndex, min(endIndex, count))
    }

    /// `.[from:to]`.
    func slice(_ from: JSONValue, _ to: JSONValue) throws(QueryFailure) -> JSONValue {
        switch self {
        case .null: return .null
        case .array(let array):
            let (start, end) = try Self.sliceBounds(from, to, count: array.count)
            return .array(Array(array[start..<end]))
        case .string(let string):
            let scalars = Array(string.unicodeScalars)
            let (start, end) = try Self.sliceBounds(from, to, count: scalars.count)
            var result = String.UnicodeScalarView()
            result.append(contentsOf: scalars[start..<end])
            return .string(String(result))
        default:
            throw Self.fail("Cannot index \(typeName) with object")
        }
    }

    /// `getpath(path)`.
    func getPath(_ path: ArraySlice<JSONValue>) throws(QueryFailure) -> JSONValue {
        guard let first = path.first else { return self }
        if case .null = self { return .null }
        return try index(first).getPath(path.dropFirst())
    }

    /// `setpath(path; value)`.
    func setPath(_ path: ArraySlice<JSONValue>, _ newValue: JSONValue) throws(QueryFailure) -> JSONValue {
        guard let key = path.first else { return newValue }
        let rest = path.dropFirst()
        switch (self, key) {
        case (.object(var object), .string(let name)):
            let child = object[name] ?? .null
            object[name] = .null  // drop the reference so the child can be mutated in place
            object[name] = try child.setPath(rest, newValue)
            return .object(object)
        case (.null, .string(let name)):
            var object = JSONObject()
            object[name] = try JSONValue.null.setPath(rest, newValue)
            return .object(object)
        case (.array, _) where key.doubleValue != nil, (.null, _) where key.doubleValue != nil:
            var array: [JSONValue] = []
            if case .array(let existing) = self { array = existing }
            let number = key.doubleValue!
            if number.isNaN { throw Self.fail("Cannot set array element at NaN index") }
            var position = Int(clampedInteger(number.rounded(.down)))
            if position < 0 {
                position += array.count
                if position < 0 { throw Self.fail("Out of bounds negative array index") }
            }
            if position >= array.count {
                if position > Self.maximumPaddedIndex { throw Self.fail("Array index too large") }
                array.append(contentsOf: repeatElement(.null, count: position - array.count + 1))
            }
            let child = array[position]
            array[position] = .null
            array[position] = try child.setPath(rest, newValue)
            return .array(array)
        case (.array, .object(let bounds)), (.null, .object(let bounds)):
            let existing = elements(self)
            let (start, end) = try Self.sliceBounds(
                bounds["start"] ?? .null, bounds["end"] ?? .null, count: existing.count)
            let current = JSONValue.array(Array(existing[start..<end]))
            let replacement = try current.setPath(rest, newValue)
            guard case .array(let inserted) = replacement else {
                throw Self.fail("A slice of an array can only be assigned another array")
            }
            var result = existing
            result.replaceSubrange(start..<end, with: inserted)
            return .array(result)
        case (.object, _):
            throw Self.fail("Cannot index object with \(key.typeName)")
        case (.string, .object):
            throw Self.fail("Cannot update string slices")
        case (_, .string(let name)):
            throw Self.cannotIndex(self, with: name)
        default:
            throw Self.fail("Cannot index \(typeName) with \(key.typeName)")
        }
    }

    private func elements(_ value: JSONValue) -> [JSONValue] {
        if case .array(let elements) = value { return elements }
        return []
    }

    var isString: Bool {
        if case .string = self { return true }
        return false
    }

    /// `delpaths(paths)`: deletes the longest paths first so earlier deletions don't shift later ones.
    /// `delpaths(paths)` as jq 1.7.1's `jv_delpaths` does it: the paths sorted, grouped by their first key, and every
    /// key of one container deleted at once, so that deleting `.[1]` does not move what `.[2]` names.
    func deletePaths(_ paths: [JSONValue]) throws(QueryFailure) -> JSONValue {
        var components: [[JSONValue]] = []
        for path in paths {
            guard case .array(let keys) = path else { throw Self.fail("Path must be specified as an array") }
            components.append(keys)
        }
        if components.isEmpty { return self }
        components.sort { JSONValue.compare(.array($0), .array($1)) < 0 }
        if components[0].isEmpty { return .null }
        return try deleteSorted(components[...], depth: 0)
    }

    private func deleteSorted(_ paths: ArraySlice<[JSONValue]>, depth: Int) throws(QueryFailure) -> JSONValue {
        var result = self
        var keys: [JSONValue] = []
        var start = paths.startIndex
        while start < paths.endIndex {
            let key = paths[start][depth]
            // The group always holds its first path: a key holding NaN is not equal to itself.
            var end = start + 1
            while end < paths.endIndex && paths[end][depth] == key { end += 1 }
            if paths[start].count == depth + 1 {
                keys.append(key)  // the whole member goes: deeper deletions inside it do not matter
            } else {
                let child = try result.index(key)
                if case .null = child {
                } else {
                    result = try result.setPath(
                        [key][...], try child.deleteSorted(paths[start..<end], depth: depth + 1))
                }
            }
            start = end
        }
        return try result.deleteKeys(keys)
    }

    /// jq's `jv_dels`: the members at `keys` removed together; array indices count in the array before any removal.
    private func deleteKeys(_ keys: [JSONValue]) throws(QueryFailure) -> JSONValue {
        switch self {
        case .null:
            return .null
        case .array(let array):
            var doomed = Set<Int>()
            for key in keys {
                switch key {
                case .object(let bounds):
                    let (start, end) = try Self.sliceBounds(
                        bounds["start"] ?? .null, bounds["end"] ?? .null, count: array.count)
                    doomed.formUnion(start..<end)
                case _ where key.doubleValue != nil:
                    let number = key.doubleValue!
                    if number.isNaN { continue }
                    let index = Int(clampedInteger(number))
                    doomed.insert(index < 0 ? array.count + index : index)
                default:
                    throw Self.fail("Cannot delete \(key.typeName) element of array")
                }
            }
            return .array(array.indices.filter { !doomed.contains($0) }.map { array[$0] })
        case .object(var object):
            for key in keys {
                guard case .string(let name) = key else {
                    throw Self.fail("Cannot delete \(key.typeName) field of object")
                }
                object[name] = nil
            }
            return .object(object)
        default:
            throw Self.fail("Cannot delete fields from \(typeName)")
        }
    }
}

/// A double converted to an integer the way C's cast saturates (NaN becomes 0).
func clampedInteger(_ value: Double) -> Int64 {
    if value.isNaN { return 0 }
    if value >= 9.2e18 { return Int64.max }
    if value <= -9.2e18 { return Int64.min }
    return Int64(value)
}
