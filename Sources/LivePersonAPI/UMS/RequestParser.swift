/// Reads a request frame straight from its UTF-8 bytes into a ``UMSRequest``, for the messaging hot path.
///
/// Decoding `WireJSON` with `JSONDecoder` tries each JSON kind in turn and throws on every miss, which cost more than
/// everything else a publish does. This parser accepts only what it is sure `JSONDecoder` would read the same way
/// (strict JSON, string or integer ids, no duplicate keys) and answers `nil` otherwise, so that the caller falls back to
/// `JSONDecoder` and every error is still reported exactly as before.
public struct RequestParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// Whether the last number read was written as an integer (no fraction, no exponent).
    private var lastNumberIsInteger = false

    /// Deeper nesting is left to `JSONDecoder`.
    public static let maximumDepth = 128

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The request in `text`, or `nil` when `text` is not a request this parser is sure about.
    public static func request(_ text: String) -> UMSRequest? {
        var text = text
        return text.withUTF8 { buffer in
            var parser = RequestParser(bytes: buffer)
            return parser.request()
        }
    }

    /// Any JSON value, with the same `nil` rule as ``request(_:)``.
    public static func value(_ text: String) -> WireJSON? {
        var text = text
        return text.withUTF8 { buffer in
            var parser = RequestParser(bytes: buffer)
            guard let value = parser.value() else { return nil }
            parser.skipWhitespace()
            return parser.index == buffer.count ? value : nil
        }
    }

    // MARK: The request object

    private mutating func request() -> UMSRequest? {
        skipWhitespace()
        guard take(UInt8(ascii: "{")) else { return nil }
        // The keys so far, to refuse duplicates: a request has a handful, so a list compares fewer bytes than a set
        // hashes.
        var seen: [String] = []
        seen.reserveCapacity(6)
        var kind: String?
        var id: RequestID?
        var type: String?
        var body: WireJSON?
        var headers: [WireJSON]?
        var metadata: WireJSON?
        skipWhitespace()
        if !take(UInt8(ascii: "}")) {
            repeat {
                skipWhitespace()
                guard let key = string(), !seen.contains(key) else { return nil }
                seen.append(key)
                skipWhitespace()
                guard take(UInt8(ascii: ":")), let value = value() else { return nil }
                switch key {
                case "kind":
                    switch value {
                    case .null: kind = nil
                    case .string(let text): kind = text
                    default: return nil
                    }
                case "id":
                    switch value {
                    case .string(let text): id = RequestID(text)
                    case .number(let number) where lastNumberIsInteger && abs(number) < 9e15:
                        id = RequestID(String(Int64(number)))
                    default: return nil
                    }
                case "type":
                    guard case .string(let text) = value else { return nil }
                    type = text
                case "body":
                    body = value == .null ? nil : value
                case "headers":
                    switch value {
                    case .null: headers = nil
                    case .array(let elements): headers = elements
                    default: return nil
                    }
                case "metadata":
                    metadata = value == .null ? nil : value
                default:
                    break
                }
                skipWhitespace()
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
        }
        skipWhitespace()
        guard index == bytes.count, let id, let type else { return nil }
        var request = UMSRequest(id: id, type: type, body: body, headers: headers, metadata: metadata)
        request.kind = kind
        return request
    }

    // MARK: Values

    private mutating func value() -> WireJSON? {
        skipWhitespace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map(WireJSON.string)
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        default: return number()
        }
    }

    private mutating func object() -> WireJSON? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { return nil }
        index += 1
        var members: [String: WireJSON] = [:]
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return .object(members) }
        // Room for three members from the start (the size a frame's objects usually have), instead of storage for
        // one that is then rehashed into storage for three.
        members.reserveCapacity(3)
        repeat {
            skipWhitespace()
            guard let key = string() else { return nil }
            skipWhitespace()
            guard take(UInt8(ascii: ":")), let value = value(), members.updateValue(value, forKey: key) == nil else {
                return nil
            }
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}")) ? .object(members) : nil
    }

    private mutating func array() -> WireJSON? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { return nil }
        index += 1
        var elements: [WireJSON] = []
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return .array(elements) }
        repeat {
            guard let value = value() else { return nil }
            elements.append(value)
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? .array(elements) : nil
    }

    /// A string starting at the opening quote; `nil` for control characters, bad escapes, lone surrogates or
    /// invalid UTF-8.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        var isASCII = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let utf8 = UnsafeBufferPointer(rebasing: bytes[start..<index])
                // ASCII is valid UTF-8 as it is; only other text needs the (generic, slower) validation.
                let text = isASCII ? String(decoding: utf8, as: UTF8.self) : String(validating: utf8, as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return escapedString(from: start) }
            if byte < 0x20 { return nil }
            if byte >= 0x80 { isASCII = false }
            index += 1
        }
        return nil
    }

    private mutating func escapedString(from start: Int) -> String? {
        var utf8 = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    utf8.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            default:
                if byte < 0x20 { return nil }
                utf8.append(byte)
            }
        }
        return nil
    }

    /// The scalar of `\uXXXX` (after the `u`), joining a surrogate pair.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let high = hex4() else { return nil }
        if (0xD800...0xDBFF).contains(high) {
            guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00...0xDFFF).contains(low)
            else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }
        return Unicode.Scalar(high)
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// A number in strict JSON syntax that fits a finite `Double`.
    private mutating func number() -> WireJSON? {
        let start = index
        _ = take(UInt8(ascii: "-"))
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            guard digits() > 0 else { return nil }
        }
        var isInteger = true
        if take(UInt8(ascii: ".")) {
            isInteger = false
            guard digits() > 0 else { return nil }
        }
        // Exponents are left to JSONDecoder: Foundation's reader refuses some that JSON allows (`0e1`, found by
        // scripts/fuzz), and the fast path must read exactly what it reads. Frames hardly ever use them.
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let number = Double(text), number.isFinite else { return nil }
        lastNumberIsInteger = isInteger
        return .number(number)
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            index += 1
        }
        return index - start
    }

    // MARK: Bytes

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            return false
        }
        index += count
        return true
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }
}
