/// A JSON value as jq sees it: objects keep their key order and numbers keep the text they were written
/// with when that text differs from how jq prints the double (jq 1.7 literal preservation).
public enum JSONValue: Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number without a preserved literal.
    case number(Double)
    /// A number read from JSON text whose canonical literal differs from its double's printed form.
    case literal(NumberLiteral)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, in insertion order.
    case object(JSONObject)

    /// jq's type name: `null`, `boolean`, `number`, `string`, `array` or `object`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number, .literal: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The rank of the type in jq's total order (null < false < true < numbers < strings < arrays < objects).
    var typeRank: Int {
        switch self {
        case .null: 0
        case .bool(let value): value ? 2 : 1
        case .number, .literal: 3
        case .string: 4
        case .array: 5
        case .object: 6
        }
    }

    /// False only for `null` and `false`.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        default: true
        }
    }

    /// The numeric value of a number (nil for other types).
    public var doubleValue: Double? {
        switch self {
        case .number(let value): value
        case .literal(let literal): literal.value
        default: nil
        }
    }

    /// The string payload, if this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}

/// A number literal kept in jq 1.7's canonical decimal form (`1.000`, `1E+2`, `100000000000000000001`).
public final class NumberLiteral: Sendable {
    /// The canonical text printed for the number.
    public let text: String
    /// The double the number converts to for arithmetic.
    public let value: Double

    /// Creates a literal.
    public init(text: String, value: Double) {
        self.text = text
        self.value = value
    }

    /// The canonical text as a decimal: sign, significant digits (no leading or trailing zeros) and the exponent of
    /// the first digit (`1.5E+3` is digits "15", exponent 3). Zero has no digits.
    var decimal: (negative: Bool, digits: [UInt8], exponent: Int) {
        var negative = false
        var digits: [UInt8] = []
        var pointPosition: Int?
        var exponent = 0
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        while let byte = bytes.first {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                pointPosition = digits.count
            } else if byte == UInt8(ascii: "E") || byte == UInt8(ascii: "e") {
                exponent = Int(String(decoding: bytes, as: UTF8.self)) ?? 0
                break
            } else {
                digits.append(byte)
            }
        }
        let integerDigits = pointPosition ?? digits.count
        guard let first = digits.firstIndex(where: { $0 != UInt8(ascii: "0") }) else { return (negative, [], 0) }
        let last = digits.lastIndex { $0 != UInt8(ascii: "0") }!
        return (negative, Array(digits[first...last]), exponent + integerDigits - first - 1)
    }

    /// Compares two literals as exact decimals, as jq 1.7.1 compares two number literals.
    static func compare(_ a: NumberLiteral, _ b: NumberLiteral) -> Int {
        let x = a.decimal
        let y = b.decimal
        let signX = x.digits.isEmpty ? 0 : (x.negative ? -1 : 1)
        let signY = y.digits.isEmpty ? 0 : (y.negative ? -1 : 1)
        if signX != signY { return signX < signY ? -1 : 1 }
        if signX == 0 { return 0 }
        var magnitude = 0
        if x.exponent != y.exponent {
            magnitude = x.exponent < y.exponent ? -1 : 1
        } else if let difference = zip(x.digits, y.digits).first(where: { $0 != $1 }) {
            magnitude = difference.0 < difference.1 ? -1 : 1
        } else if x.digits.count != y.digits.count {
            magnitude = x.digits.count < y.digits.count ? -1 : 1
        }
        return signX * magnitude
    }
}

extension JSONValue: Equatable {
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        compare(lhs, rhs) == 0
    }
}

extension JSONValue {
    /// jq's total order: -1, 0 or 1.
    public static func compare(_ lhs: JSONValue, _ rhs: JSONValue) -> Int {
        let leftRank = lhs.typeRank
        let rightRank = rhs.typeRank
        if leftRank != rightRank { return leftRank < rightRank ? -1 : 1 }
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)):
            return compareStrings(a, b)
        case (.array(let a), .array(let b)):
            for (x, y) in zip(a, b) {
                let result = compare(x, y)
                if result != 0 { return result }
            }
            return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
        case (.object(let a), .object(let b)):
            let keysA = a.keys.sorted(by: { compareStrings($0, $1) < 0 })
            let keysB = b.keys.sorted(by: { compareStrings($0, $1) < 0 })
            let keyResult = compare(.array(keysA.map(JSONValue.string)), .array(keysB.map(JSONValue.string)))
            if keyResult != 0 { return keyResult }
            for key in keysA {
                let result = compare(a[key] ?? .null, b[key] ?? .null)
                if result != 0 { return result }
            }
            return 0
        case (.literal(let a), .literal(let b)):
            return NumberLiteral.compare(a, b)
        default:
            if let a = lhs.doubleValue, let b = rhs.doubleValue {
                return a < b ? -1 : (a == b ? 0 : 1)
            }
            return 0
        }
    }

    /// Compares strings by their UTF-8 bytes, as jq does (memcmp, then length).
    static func compareStrings(_ a: String, _ b: String) -> Int {
        var a = a
        var b = b
        return a.withUTF8 { bufferA in
            b.withUTF8 { bufferB in
                let count = min(bufferA.count, bufferB.count)
                for index in 0..<count where bufferA[index] != bufferB[index] {
                    return bufferA[index] < bufferB[index] ? -1 : 1
                }
                return bufferA.count == bufferB.count ? 0 : (bufferA.count < bufferB.count ? -1 : 1)
            }
        }
    }
}
