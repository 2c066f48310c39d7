/// A byte-level parser for a sequence of whitespace-separated JSON texts, as jq reads its input, or strictly as
/// RFC 8259 defines JSON (``Grammar/rfc8259``: what LivePerson's servers accept, for wscat's frames).
///
/// Parsing is iterative (an explicit container stack), so deep nesting costs heap, not stack; jq's
/// nesting limit of 10000 applies. The input is either all in memory or read in chunks: a chunked parser
/// keeps only a window of the input (the bytes it has not consumed yet, plus the token being read), so a
/// large file is never resident at once next to the values built from it.
public struct JSONParser {
    private var bytes: [UInt8]
    private var offset: Int
    /// Where more input comes from (an empty chunk means the end), or nil when it is all in `bytes`.
    private let readChunk: (() -> [UInt8])?
    private var exhausted: Bool
    /// Consumed bytes beyond this many are dropped from the window between tokens.
    private let discardThreshold: Int
    /// Shapes shared by objects with the same keys, and repeated strings, within this parser's input.
    private var shapes = ShapeCache()
    private var strings = StringInterner()
    /// Newlines in the bytes dropped from the front of the window.
    private var discardedLines = 0
    /// Bytes after the last newline of the dropped bytes (the column where the window starts).
    private var discardedColumn = 0
    /// Bytes dropped from the front of the window (error offsets count from the start of the input).
    private var discardedBytes = 0
    /// Set once the start of the input was checked for a UTF-8 byte order mark, which jq skips there.
    private var checkedByteOrderMark = false
    /// Which texts count as JSON.
    private let grammar: Grammar
    /// The nesting limit jq uses.
    public static let maximumDepth = 10_000

    /// Which texts count as JSON.
    public enum Grammar: Sendable {
        /// What jq 1.7.1 reads: also `nan` and numbers with leading zeros (`01`), a leading `.` or a trailing `.`.
        case jq
        /// RFC 8259 exactly: no `nan`, numbers as `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
        case rfc8259
    }

    /// A parser over the given bytes.
    public init(bytes: [UInt8], grammar: Grammar = .jq) {
        self.bytes = bytes
        self.offset = 0
        self.readChunk = nil
        self.exhausted = true
        self.discardThreshold = Int.max
        self.grammar = grammar
    }

    /// A parser that reads its input in chunks from `readChunk` (an empty chunk means the end) and drops
    /// consumed bytes once more than `discardThreshold` of them have piled up.
    public init(readingChunks readChunk: @escaping () -> [UInt8], discardThreshold: Int = 1 << 16) {
        self.bytes = []
        self.offset = 0
        self.readChunk = readChunk
        self.exhausted = false
        self.discardThreshold = max(discardThreshold, 1)
        self.grammar = .jq
    }

    /// Parses exactly one JSON text (surrounding whitespace allowed), as `fromjson` and `--argjson` do.
    public static func parseSingle(_ text: String, grammar: Grammar = .jq) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: Array(text.utf8), grammar: grammar)
        guard let value = try parser.next() else {
            throw JSONParseError(
                reason: "Expected JSON value", line: 1, column: 0, atEnd: false, offset: text.utf8.count,
                explanation: "unexpected end of input: expected a value")
        }
        guard !parser.isAtEnd() else { return value }
        // jq reports what is wrong with the extra text; the caret points at where it starts.
        let extraStart = parser.offset
        var extra = JSONParseError(
            reason: "Unexpected extra JSON values", line: 1, column: text.utf8.count, atEnd: false)
        do {
            _ = try parser.next()
        } catch {
            extra = error
        }
        extra.offset = extraStart
        extra.explanation = "unexpected text after the JSON value"
        throw extra
    }

    /// Parses every JSON text in the bytes.
    public static func parseAll(_ bytes: [UInt8]) throws(JSONParseError) -> [JSONValue] {
        var parser = JSONParser(bytes: bytes)
        var values: [JSONValue] = []
        while let value = try parser.next() { values.append(value) }
        return values
    }

    /// The number of newlines consumed so far (jq's `input_line_number` and error positions).
    public var linesConsumed: Int {
        var count = discardedLines
        for index in 0..<min(offset, bytes.count) where bytes[index] == 10 { count += 1 }
        return count
    }

    /// The newlines in the whole input (reads the rest of it first).
    public var totalLines: Int {
        mutating get {
            while fill() {}
            var count = discardedLines
            for byte in bytes where byte == 10 { count += 1 }
            return count
        }
    }

    /// The newlines up to the end of the line where the last value ended (jq reads its input by lines and
    /// reports that count as the error position).
    public var linesThroughEndOfCurrentLine: Int {
        mutating get {
            var end = max(offset - 1, 0)
            while has(end) && bytes[end] != 10 { end += 1 }
            let limit = min(end + 1, bytes.count)
            while countedUpTo < limit {
                if bytes[countedUpTo] == 10 { newlineCount += 1 }
                countedUpTo += 1
            }
            return newlineCount
        }
    }
    /// Newlines in the input before window index `countedUpTo` (both kept across discards).
    private var countedUpTo = 0
    private var newlineCount = 0

    /// True when only whitespace is left.
    public mutating func isAtEnd() -> Bool {
        skipWhitespace()
        return offset >= bytes.count
    }

    /// The next JSON text, or nil at the end of input.
    public mutating func next() throws(JSONParseError) -> JSONValue? {
        if !checkedByteOrderMark {
            checkedByteOrderMark = true
            if offset == 0, discardedBytes == 0, has(2), bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                offset = 3
            }
        }
        skipWhitespace()
        guard offset < bytes.count else { return nil }
        return try parseValue()
    }

    /// True when `index` is inside the window, reading more input if needed.
    @inline(__always)
    private mutating func has(_ index: Int) -> Bool {
        index < bytes.count || fill(through: index)
    }

    /// Appends chunks until the window reaches `index`; false at the end of input.
    private mutating func fill(through index: Int) -> Bool {
        while index >= bytes.count {
            guard fill() else { return false }
        }
        return true
    }

    /// Appends one chunk to the window; false at the end of input.
    private mutating func fill() -> Bool {
        guard !exhausted, let readChunk else { return false }
        let chunk = readChunk()
        guard !chunk.isEmpty else {
            exhausted = true
            return false
        }
        if bytes.isEmpty {
            bytes = chunk
        } else {
            bytes.append(contentsOf: chunk)
        }
        return true
    }

    /// Drops the consumed bytes from the window, keeping the counts that error positions need.
    private mutating func discardConsumed() {
        let count = offset
        discardedBytes += count
        for byte in bytes[0..<count] {
            if byte == 10 {
                discardedLines += 1
                discardedColumn = 0
            } else {
                discardedColumn += 1
            }
        }
        if countedUpTo > count {
            countedUpTo -= count
        } else {
            countedUpTo = 0
            newlineCount = discardedLines
        }
        bytes.removeSubrange(0..<count)
        offset = 0
    }

    private enum Container {
        case array
        case object
    }

    private mutating func skipWhitespace() {
        while true {
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                    offset += 1
                } else {
                    return
                }
            }
            guard fill() else { return }
        }
    }

    /// An error jq reports at window index `position`; the caret goes to `caret` (default: the same byte).
    private mutating func error(
        _ reason: String, at position: Int, caret: Int? = nil, _ explanation: String
    ) -> JSONParseError {
        guard has(position) else {
            var error = errorAtEnd(reason, explanation)
            if let caret { error.offset = discardedBytes + caret }
            return error
        }
        var line = discardedLines + 1
        var column = discardedColumn
        for index in 0...position {
            if bytes[index] == 10 {
                line += 1
                column = 0
            } else {
                column += 1
            }
        }
        return JSONParseError(
            reason: reason, line: line, column: column, atEnd: false, offset: discardedBytes + (caret ?? position),
            explanation: explanation)
    }

    /// An error at the end of the input; `expected` says what should have come.
    private mutating func errorAtEnd(_ reason: String, _ expected: String) -> JSONParseError {
        while fill() {}
        var line = discardedLines + 1
        var column = discardedColumn
        for byte in bytes {
            if byte == 10 {
                line += 1
                column = 0
            } else {
                column += 1
            }
        }
        return JSONParseError(
            reason: reason, line: line, column: column, atEnd: true, offset: discardedBytes + bytes.count,
            explanation: "unexpected end of input: \(expected)")
    }

    /// An open container: its kind and where its members start on the scratch stacks.
    private struct Frame {
        var kind: Container
        var valueStart: Int
        var keyStart: Int
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        // Open containers, innermost last. Members of every open container sit on two scratch stacks;
        // closing a container moves its members into storage of exactly their size.
        var frames: [Frame] = []
        var values: [JSONValue] = []
        var keys: [String] = []
        // Room for a WebSocket frame's members at once: growing from empty was a third of parsing a small text.
        frames.reserveCapacity(8)
        values.reserveCapacity(16)
        keys.reserveCapacity(16)
        while true {
            if offset >= discardThreshold { discardConsumed() }
            skipWhitespace()
            guard offset < bytes.count else { throw errorAtEnd("Unfinished JSON term", "expected a value") }
            var value: JSONValue
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "["):
                offset += 1
                if frames.count >= Self.maximumDepth { throw depthError() }
                skipWhitespace()
                if offset < bytes.count && bytes[offset] == UInt8(ascii: "]") {
                    offset += 1
                    value = .array([])
                } else {
                    frames.append(Frame(kind: .array, valueStart: values.count, keyStart: keys.count))
                    continue
                }
            case UInt8(ascii: "{"):
                offset += 1
                if frames.count >= Self.maximumDepth { throw depthError() }
                skipWhitespace()
                if offset < bytes.count && bytes[offset] == UInt8(ascii: "}") {
                    offset += 1
                    value = .object(JSONObject())
                } else {
                    frames.append(Frame(kind: .object, valueStart: values.count, keyStart: keys.count))
                    keys.append(try parseKey())
                    continue
                }
            case UInt8(ascii: "\""):
                // A member of a packed object is copied into the packing: no use sharing it.
                let packed = frames.last?.kind == .object && shapes.isPacking
                value = .string(try parseString(interning: !packed))
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                throw structuralError(byte, innermost: frames.last?.kind)
            case UInt8(ascii: ","):
                throw error("Expected value before ','", at: offset, "expected a value")
            case UInt8(ascii: ":"):
                let reason = frames.isEmpty ? "':' not as part of an object" : "Object keys must be strings"
                throw error(reason, at: offset, "expected a value")
            default:
                value = try parseScalar()
            }
            // Attach the value to the enclosing containers, closing as many as the input closes.
            while true {
                guard let frame = frames.last else { return value }
                skipWhitespace()
                guard offset < bytes.count else {
                    throw errorAtEnd(
                        "Unfinished JSON term", frame.kind == .array ? "expected , or ]" : "expected , or }")
                }
                let separator = bytes[offset]
                values.append(value)
                switch frame.kind {
                case .array:
                    if separator == UInt8(ascii: ",") {
                        offset += 1
                        skipWhitespace()
                        if offset < bytes.count && bytes[offset] == UInt8(ascii: "]") {
                            throw error("Expected another array element", at: offset, "trailing comma before ]")
                        }
                    } else if separator == UInt8(ascii: "]") {
                        offset += 1
                        frames.removeLast()
                        if frames.isEmpty {
                            // The outermost array takes the scratch stack itself: no copy of a large document's
                            // top level (capacity never touched is not resident).
                            value = .array(values)
                            values = []
                        } else {
                            value = .array(Array(values[frame.valueStart...]))
                            Self.truncate(&values, to: frame.valueStart)
                        }
                        continue
                    } else if separator == UInt8(ascii: "}") {
                        throw error("Unmatched '}' in the middle of an array", at: offset, "expected , or ]")
                    } else if separator == UInt8(ascii: ":") {
                        throw error("':' not as part of an object", at: offset, "expected , or ]")
                    } else {
                        throw separatorError("expected , or ]")
                    }
                case .object:
                    if separator == UInt8(ascii: ",") {
                        offset += 1
                        skipWhitespace()
                        if offset < bytes.count && bytes[offset] == UInt8(ascii: "}") {
                            throw error("Expected another key-value pair", at: offset, "trailing comma before }")
                        }
                        keys.append(try parseKey())
                    } else if separator == UInt8(ascii: "}") {
                        offset += 1
                        frames.removeLast()
                        // The member slices are temporaries, so trimming the stacks below does not copy them.
                        let object = shapes.object(
                            keys: keys[frame.keyStart...], values: values[frame.valueStart...], depth: frames.count)
                        value = .object(object)
                        Self.truncate(&values, to: frame.valueStart)
                        Self.truncate(&keys, to: frame.keyStart)
                        continue
                    } else if separator == UInt8(ascii: "]") {
                        throw error("Unmatched ']' in the middle of an object", at: offset, "expected , or }")
                    } else {
                        throw separatorError("expected , or }")
                    }
                }
                break
            }
        }
    }

    /// Drops the elements from `count` on, one by one: the generic `removeLast(_:)` goes through
    /// `replaceSubrange` (some 600 instructions for the few members of a frame's object).
    @inline(__always)
    private static func truncate<Element>(_ stack: inout [Element], to count: Int) {
        while stack.count > count { stack.removeLast() }
    }

    /// The error for a value that follows another without a separator: jq reports it once the second
    /// value's token ends; the caret points where the separator (`expected`) belongs.
    private mutating func separatorError(_ expected: String) -> JSONParseError {
        let start = offset
        if bytes[start] == UInt8(ascii: "\"") {
            if (try? parseString(interning: false)) != nil {
                return error("Expected separator between values", at: offset - 1, caret: start, expected)
            }
            var unfinished = errorAtEnd("Unfinished string", expected)
            unfinished.offset = discardedBytes + start
            unfinished.explanation = expected
            return unfinished
        }
        if bytes[start] == UInt8(ascii: "[") || bytes[start] == UInt8(ascii: "{") {
            return error("Expected separator between values", at: start, expected)
        }
        var end = start
        while has(end) && !Self.isDelimiter(bytes[end]) { end += 1 }
        return error("Expected separator between values", at: end, caret: start, expected)
    }

    /// A `]` or `}` where a value belongs.
    private mutating func structuralError(_ byte: UInt8, innermost: Container?) -> JSONParseError {
        let name = byte == UInt8(ascii: "]") ? "']'" : "'}'"
        let reason: String
        switch innermost {
        case nil: reason = "Unmatched \(name)"
        case .array?:
            reason =
                byte == UInt8(ascii: "]") ? "Expected another array element" : "Unmatched '}' in the middle of an array"
        case .object?:
            reason =
                byte == UInt8(ascii: "}")
                ? "Objects must consist of key:value pairs" : "Unmatched ']' in the middle of an object"
        }
        return error(reason, at: offset, "expected a value")
    }

    private mutating func depthError() -> JSONParseError {
        error("Exceeds depth limit for parsing", at: offset - 1, "nested more than \(Self.maximumDepth) levels")
    }

    /// Reads `"key" :` at the current position.
    private mutating func parseKey() throws(JSONParseError) -> String {
        skipWhitespace()
        let expectedKey = #"expected a "key""#
        guard offset < bytes.count else { throw errorAtEnd("Unfinished JSON term", expectedKey) }
        guard bytes[offset] == UInt8(ascii: "\"") else {
            let start = offset
            let expected = bytes[start] == UInt8(ascii: "'") ? Self.singleQuotes : expectedKey
            if bytes[start] == UInt8(ascii: "}") {
                throw error("Objects must consist of key:value pairs", at: start, expected)
            }
            // Read the would-be key so the error lands where jq reports it (at the ':').
            var probe = offset
            while has(probe) && bytes[probe] != UInt8(ascii: ":") && bytes[probe] != UInt8(ascii: "}") {
                probe += 1
            }
            if probe < bytes.count && bytes[probe] == UInt8(ascii: ":") {
                throw error("Object keys must be strings", at: probe, caret: start, expected)
            }
            throw error("Objects must consist of key:value pairs", at: probe, caret: start, expected)
        }
        let key = try parseString(interning: false)
        skipWhitespace()
        guard offset < bytes.count else { throw errorAtEnd("Unfinished JSON term", "expected : after the key") }
        guard bytes[offset] == UInt8(ascii: ":") else {
            throw error("Objects must consist of key:value pairs", at: offset, "expected : after the key")
        }
        offset += 1
        return key
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "\""):
            true
        default:
            false
        }
    }

    /// Reads `true`, `false`, `null` or a number.
    private mutating func parseScalar() throws(JSONParseError) -> JSONValue {
        let start = offset
        var end = offset
        while has(end) && !Self.isDelimiter(bytes[end]) { end += 1 }
        offset = end
        let token = bytes[start..<end]
        switch token.first {
        case UInt8(ascii: "t"):
            if token.elementsEqual("true".utf8) { return .bool(true) }
        case UInt8(ascii: "f"):
            if token.elementsEqual("false".utf8) { return .bool(false) }
        case UInt8(ascii: "n"):
            if token.elementsEqual("null".utf8) { return .null }
            if grammar == .jq, let special = Self.specialNumber(token) { return special }
        default:
            if let number = Self.fastInteger(token) { return .number(number) }
            if grammar == .jq, let special = Self.specialNumber(token) { return special }
            if grammar == .jq || Self.isRFC8259Number(token), let number = NumberFormat.value(forLiteral: token) {
                return number
            }
            let looksNumeric = token.first == UInt8(ascii: "-") || token.first.map(Self.isDigit) == true
            throw error(
                "Invalid numeric literal", at: end, caret: start,
                looksNumeric ? "invalid number" : Self.notAValue(token))
        }
        throw error("Invalid literal", at: end, caret: start, Self.notAValue(token))
    }

    /// The special numbers jq 1.7.1's literal parser (decNumber) reads, in any letter case: `nan`, `NaN` with an
    /// optional payload of digits (`nan1234`), `sNaN`, `Infinity` and `inf`, each with an optional sign.
    static func specialNumber(_ token: ArraySlice<UInt8>) -> JSONValue? {
        var word = token.map { $0 | 0x20 }[...]  // ASCII lower case (digits are unchanged by it)
        var negative = false
        if let sign = word.first, sign == UInt8(ascii: "-") | 0x20 || sign == UInt8(ascii: "+") | 0x20 {
            negative = token.first == UInt8(ascii: "-")
            word = word.dropFirst()
        }
        if word.elementsEqual("inf".utf8) || word.elementsEqual("infinity".utf8) {
            return .number(negative ? -.infinity : .infinity)
        }
        if word.starts(with: "snan".utf8) { word = word.dropFirst() }
        if word.starts(with: "nan".utf8) && word.dropFirst(3).allSatisfy(isDigit) { return .number(.nan) }
        return nil
    }

    /// Plain words for a token that is no JSON value.
    private static func notAValue(_ token: ArraySlice<UInt8>) -> String {
        switch token.first {
        case UInt8(ascii: "'"): singleQuotes
        case UInt8(ascii: "t"): "expected true"
        case UInt8(ascii: "f"): "expected false"
        case UInt8(ascii: "n"): "expected null"
        default: "expected a value"
        }
    }

    private static let singleQuotes = "strings need double quotes"

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// RFC 8259's number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    static func isRFC8259Number(_ token: ArraySlice<UInt8>) -> Bool {
        var index = token.startIndex
        func digits() -> Int {
            let first = index
            while index < token.endIndex && isDigit(token[index]) { index += 1 }
            return index - first
        }
        if index < token.endIndex && token[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits()
        guard integerDigits == 1 || (integerDigits > 1 && token[integerStart] != UInt8(ascii: "0")) else {
            return false
        }
        if index < token.endIndex && token[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < token.endIndex && (token[index] == UInt8(ascii: "e") || token[index] == UInt8(ascii: "E")) {
            index += 1
            if index < token.endIndex && (token[index] == UInt8(ascii: "+") || token[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard digits() > 0 else { return false }
        }
        return index == token.endIndex
    }

    /// Integers of up to 15 digits without leading zeros print back exactly as their double.
    private static func fastInteger(_ token: ArraySlice<UInt8>) -> Double? {
        var index = token.startIndex
        var negative = false
        if index < token.endIndex && token[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let digitCount = token.endIndex - index
        guard digitCount > 0 && digitCount <= 15 else { return nil }
        if token[index] == UInt8(ascii: "0") && digitCount > 1 { return nil }
        var result: Int64 = 0
        while index < token.endIndex {
            let digit = token[index] &- 48
            guard digit < 10 else { return nil }
            result = result &* 10 &+ Int64(digit)
            index += 1
        }
        if negative { return result == 0 ? -0.0 : -Double(result) }
        return Double(result)
    }

    /// Reads a string starting at the opening quote; with `interning`, a longer string that repeats one
    /// read recently comes back as that string (one copy in memory).
    private mutating func parseString(interning: Bool) throws(JSONParseError) -> String {
        offset += 1
        let start = offset
        // Fast path: no escapes and no control characters.
        while has(offset) {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let string = bytes.withUnsafeBufferPointer {
                    String(decoding: UnsafeBufferPointer(rebasing: $0[start..<offset]), as: UTF8.self)
                }
                let length = offset - start
                offset += 1
                if interning && length > StringInterner.smallLength { return strings.intern(string) }
                return string
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            offset += 1
        }
        var buffer = Array(bytes[start..<offset])
        // The first problem inside the string: jq reports it at the closing quote, the caret points at it.
        var invalid: (reason: String, at: Int, explanation: String)?
        while has(offset) {
            let byte = bytes[offset]
            offset += 1
            if byte == UInt8(ascii: "\"") {
                if let invalid { throw error(invalid.reason, at: offset - 1, caret: invalid.at, invalid.explanation) }
                let string = String(decoding: buffer, as: UTF8.self)
                if interning && buffer.count > StringInterner.smallLength { return strings.intern(string) }
                return string
            }
            if byte < 0x20 {
                invalid =
                    invalid
                    ?? (
                        "Invalid string: control characters from U+0000 through U+001F must be escaped", offset - 1,
                        byte == 0x0A ? "unterminated string (newline inside quotes)" : "control character in string"
                    )
                continue
            }
            guard byte == UInt8(ascii: "\\") else {
                buffer.append(byte)
                continue
            }
            guard has(offset) else { break }
            let escape = bytes[offset]
            offset += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = readHex4() else {
                    invalid = invalid ?? ("Invalid escape", offset, #"expected 4 hex digits after \u"#)
                    continue
                }
                var scalar: UInt32 = unit
                if unit >= 0xD800 && unit < 0xDC00 {
                    let save = offset
                    if has(offset + 1) && bytes[offset] == UInt8(ascii: "\\")
                        && bytes[offset + 1] == UInt8(ascii: "u")
                    {
                        offset += 2
                        if let low = readHex4(), low >= 0xDC00 && low < 0xE000 {
                            scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            offset = save
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if unit >= 0xDC00 && unit < 0xE000 {
                    scalar = 0xFFFD
                }
                appendUTF8(scalar, to: &buffer)
            default:
                let letter = Character(Unicode.Scalar(escape))
                invalid = invalid ?? ("Invalid escape", offset - 1, "invalid escape \\\(letter)")
            }
        }
        var unfinished = errorAtEnd("Unfinished string", "unterminated string")
        if let invalid {
            unfinished.offset = discardedBytes + invalid.at
            unfinished.explanation = invalid.explanation
        }
        throw unfinished
    }

    private mutating func readHex4() -> UInt32? {
        guard has(offset + 3) else { return nil }
        var value: UInt32 = 0
        for index in offset..<offset + 4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 48...57: digit = UInt32(byte - 48)
            case 65...70: digit = UInt32(byte - 55)
            case 97...102: digit = UInt32(byte - 87)
            default: return nil
            }
            value = value << 4 | digit
        }
        offset += 4
        return value
    }

    private func appendUTF8(_ scalar: UInt32, to buffer: inout [UInt8]) {
        let unicode = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        buffer.append(contentsOf: String(Character(unicode)).utf8)
    }
}
