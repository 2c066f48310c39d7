extension Builtins {
    static func registerCollections(_ table: inout [String: NativeFunction]) {
        table["keys/0"] = unary { input in
            switch input {
            case .object(let object): return .array(object.sortedKeys.map(JSONValue.string))
            case .array(let array): return .array((0..<array.count).map { .number(Double($0)) })
            default: throw fail("\(input.errorDescription) has no keys")
            }
        }
        table["keys_unsorted/0"] = unary { input in
            switch input {
            case .object(let object): return .array(object.keys.map(JSONValue.string))
            case .array(let array): return .array((0..<array.count).map { .number(Double($0)) })
            default: throw fail("\(input.errorDescription) has no keys")
            }
        }
        table["has/1"] = withValues { input, values in
            switch (input, values[0]) {
            case (.object(let object), .string(let key)): return .bool(object[key] != nil)
            case (.null, _): return .bool(false)
            case (.array(let array), _) where values[0].doubleValue != nil:
                let index = values[0].doubleValue!
                return .bool(index >= 0 && index < Double(array.count))
            default:
                throw fail("Cannot check whether \(input.typeName) has a \(values[0].typeName) key")
            }
        }
        table["contains/1"] = withValues { input, values in .bool(try contains(input, values[0])) }
        table["add/0"] = unary { input in
            let elements: [JSONValue]
            switch input {
            case .array(let array): elements = array
            case .object(let object): elements = object.values
            case .null: return .null
            default: throw fail("Cannot iterate over \(input.iterationDescription)")
            }
            return try addAll(elements)
        }
        table["reverse/0"] = unary { input in
            switch input {
            case .array(let array): return .array(array.reversed())
            case .string(let string): return .string(String(String.UnicodeScalarView(string.unicodeScalars.reversed())))
            case .null: return .array([])
            default: throw fail("Cannot reverse \(input.errorDescription)")
            }
        }
        table["sort/0"] = unary { input in
            guard case .array(let array) = input else {
                throw fail("\(input.errorDescription) cannot be sorted, as it is not an array")
            }
            return .array(stableSort(array.map { ($0, $0) }).map(\.1))
        }
        table["min/0"] = unary { input in
            guard case .array(let array) = input else {
                throw fail("\(input.errorDescription) cannot be sorted, as it is not an array")
            }
            return array.min { JSONValue.compare($0, $1) < 0 } ?? .null
        }
        table["max/0"] = unary { input in
            guard case .array(let array) = input else {
                throw fail("\(input.errorDescription) cannot be sorted, as it is not an array")
            }
            var best: JSONValue?
            for element in array where best == nil || JSONValue.compare(element, best!) >= 0 { best = element }
            return best ?? .null
        }
        table["unique/0"] = unary { input in
            guard case .array(let array) = input else {
                throw fail("\(input.errorDescription) cannot be sorted, as it is not an array")
            }
            var result: [JSONValue] = []
            for element in stableSort(array.map { ($0, $0) }).map(\.1) where result.last != element {
                result.append(element)
            }
            return .array(result)
        }
        for name in ["sort_by", "group_by", "unique_by", "min_by", "max_by"] {
            table["\(name)/1"] = NativeFunction(
                value: { evaluator, arguments, input, env, emit in
                    guard case .array(let array) = input else {
                        throw fail("Cannot index \(input.typeName) with number")
                    }
                    var keyed: [(JSONValue, JSONValue)] = []
                    for element in array {
                        keyed.append((.array(try evaluator.collect(arguments[0], element, env)), element))
                    }
                    try emit(byKey(name, keyed))
                }, paths: nil)
        }
        table["flatten/1"] = withValues { input, values in
            guard let depth = values[0].doubleValue else { throw fail("flatten depth must not be negative") }
            guard depth >= 0 else { throw fail("flatten depth must not be negative") }
            guard case .array(let array) = input else {
                throw fail("Cannot iterate over \(input.iterationDescription)")
            }
            return .array(flatten(array, depth: depth))
        }
        table["flatten/0"] = unary { input in
            guard case .array(let array) = input else {
                throw fail("Cannot iterate over \(input.iterationDescription)")
            }
            return .array(flatten(array, depth: 1e9))
        }
        table["bsearch/1"] = withValues { input, values in
            guard case .array(let array) = input else {
                throw fail("\(input.errorDescription) cannot be searched from")
            }
            return .number(Double(binarySearch(array, for: values[0])))
        }
        table["indices/1"] = withValues { input, values in try indices(input, values[0]) }
        table["index/1"] = withValues { input, values in
            guard case .array(let found) = try indices(input, values[0]) else { return .null }
            return found.first ?? .null
        }
        table["rindex/1"] = withValues { input, values in
            guard case .array(let found) = try indices(input, values[0]) else { return .null }
            return found.last ?? .null
        }
        table["transpose/0"] = unary { input in
            guard case .array(let rows) = input else { throw fail("Cannot iterate over \(input.iterationDescription)") }
            var width = 0
            for row in rows {
                guard case .array(let cells) = row else { throw fail("Cannot index \(row.typeName) with number") }
                width = max(width, cells.count)
            }
            return .array(
                (0..<width).map { column in
                    .array(
                        rows.map { row in
                            if case .array(let cells) = row, column < cells.count { return cells[column] }
                            return .null
                        })
                })
        }
        table["to_entries/0"] = unary { input in
            if case .array(let elements) = input {
                return .array(
                    elements.enumerated().map { offset, element in
                        .object(JSONObject([("key", .number(Double(offset))), ("value", element)]))
                    })
            }
            guard case .object(let object) = input else { throw fail("\(input.errorDescription) has no keys") }
            return .array(
                object.entries.map { entry in
                    .object(JSONObject([("key", .string(entry.key)), ("value", entry.value)]))
                })
        }
        table["tostream/0"] = NativeFunction(
            value: { _, _, input, _, emit in
                func walk(_ path: [JSONValue], _ value: JSONValue, top: Bool) throws {
                    switch value {
                    case .array(let elements) where !elements.isEmpty:
                        for (offset, element) in elements.enumerated() {
                            try walk(path + [.number(Double(offset))], element, top: false)
                        }
                        try emit(.array([.array(path + [.number(Double(elements.count - 1))])]))
                    case .object(let object) where !object.isEmpty:
                        for entry in object.entries { try walk(path + [.string(entry.key)], entry.value, top: false) }
                        try emit(.array([.array(path + [.string(object.entries.last!.key)])]))
                    default:
                        try emit(.array([.array(path), value]))
                    }
                    _ = top
                }
                try walk([], input, top: true)
            }, paths: nil)
    }

    static func addAll(_ elements: [JSONValue]) throws -> JSONValue {
        guard var result = elements.first else { return .null }
        // Accumulate strings and arrays in place instead of re-copying on every `+`.
        if case .string = result, elements.allSatisfy({ $0.isString || $0 == .null }) {
            var text = ""
            for element in elements { if case .string(let string) = element { text += string } }
            return .string(text)
        }
        for element in elements.dropFirst() { result = try JSONValue.add(result, element) }
        return result
    }

    static func stableSort(_ keyed: [(JSONValue, JSONValue)]) -> [(JSONValue, JSONValue)] {
        let indexed = keyed.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { a, b in
            let order = JSONValue.compare(a.1.0, b.1.0)
            return order != 0 ? order < 0 : a.0 < b.0
        }.map(\.1)
    }

    static func byKey(_ name: String, _ keyed: [(JSONValue, JSONValue)]) -> JSONValue {
        switch name {
        case "sort_by":
            return .array(stableSort(keyed).map(\.1))
        case "group_by", "unique_by":
            var groups: [(JSONValue, [JSONValue])] = []
            for (key, value) in stableSort(keyed) {
                if let last = groups.last, last.0 == key {
                    groups[groups.count - 1].1.append(value)
                } else {
                    groups.append((key, [value]))
                }
            }
            if name == "group_by" { return .array(groups.map { .array($0.1) }) }
            return .array(groups.map { $0.1[0] })
        case "min_by":
            var best: (JSONValue, JSONValue)?
            for pair in keyed where best == nil || JSONValue.compare(pair.0, best!.0) < 0 { best = pair }
            return best?.1 ?? .null
        default:
            var best: (JSONValue, JSONValue)?
            for pair in keyed where best == nil || JSONValue.compare(pair.0, best!.0) >= 0 { best = pair }
            return best?.1 ?? .null
        }
    }

    static func flatten(_ array: [JSONValue], depth: Double) -> [JSONValue] {
        var result: [JSONValue] = []
        for element in array {
            if case .array(let inner) = element, depth > 0 {
                result.append(contentsOf: flatten(inner, depth: depth - 1))
            } else {
                result.append(element)
            }
        }
        return result
    }

    /// `contains`: only values of one kind (`true` and `false` are two kinds, as in jq) can be checked.
    static func contains(_ a: JSONValue, _ b: JSONValue) throws -> Bool {
        guard a.typeRank == b.typeRank else {
            throw fail("\(a.errorDescription) and \(b.errorDescription) cannot have their containment checked")
        }
        return containsValue(a, b)
    }

    /// jq 1.7.1's `jv_contains`: inside arrays and objects, values of different kinds are simply not contained.
    private static func containsValue(_ a: JSONValue, _ b: JSONValue) -> Bool {
        guard a.typeRank == b.typeRank else { return false }
        switch (a, b) {
        case (.object(let left), .object(let right)):
            for (key, value) in right.entries {
                guard let member = left[key], containsValue(member, value) else { return false }
            }
            return true
        case (.array(let left), .array(let right)):
            return right.allSatisfy { needle in left.contains { containsValue($0, needle) } }
        case (.string(let left), .string(let right)):
            if right.isEmpty { return true }
            let haystack = Array(left.utf8)
            let needle = Array(right.utf8)
            guard needle.count <= haystack.count else { return false }
            for start in 0...(haystack.count - needle.count)
            where haystack[start..<start + needle.count].elementsEqual(needle) {
                return true
            }
            return false
        default:
            return a == b
        }
    }

    static func indices(_ input: JSONValue, _ target: JSONValue) throws -> JSONValue {
        switch (input, target) {
        case (.null, _), (_, .null): return .null
        case (.string(let string), .string(let needle)):
            let haystack = Array(string.utf8)
            let pattern = Array(needle.utf8)
            guard !pattern.isEmpty, pattern.count <= haystack.count else { return .array([]) }
            var result: [JSONValue] = []
            for start in 0...(haystack.count - pattern.count)
            where haystack[start..<start + pattern.count].elementsEqual(pattern) {
                result.append(.number(Double(start)))
            }
            return .array(result)
        case (.array(let array), .array(let needle)):
            return .array(JSONValue.indices(of: needle, in: array).map { .number(Double($0)) })
        case (.array(let array), _):
            return .array(JSONValue.indices(of: [target], in: array).map { .number(Double($0)) })
        default:
            return try input.index(target)
        }
    }

    /// jq's `bsearch`: the index of `target` in the sorted `array`, else `-1 - insertionPoint`.
    static func binarySearch(_ array: [JSONValue], for target: JSONValue) -> Int {
        var low = 0
        var high = array.count - 1
        while low <= high {
            let middle = (low + high) / 2
            switch JSONValue.compare(array[middle], target) {
            case 0: return middle
            case ..<0: low = middle + 1
            default: high = middle - 1
            }
        }
        return -1 - low
    }
}
