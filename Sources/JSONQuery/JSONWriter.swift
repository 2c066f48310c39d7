/// Serialises JSON values the way jq prints them, into one reusable byte buffer.
public struct JSONWriter {
    /// How values are laid out.
    public struct Options: Sendable, Equatable {
        /// Spaces per level (0 means compact), ignored when `useTabs` is set.
        public var indent: Int = 2
        /// Indent with one tab per level (`--tab`).
        public var useTabs = false
        /// Sort object keys (`-S`).
        public var sortKeys = false
        /// Escape every non-ASCII character (`-a`).
        public var asciiOnly = false
        /// ANSI colours, or nil for plain output.
        public var colors: ColorPalette?

        /// Options for jq's default pretty output.
        public init() {}

        /// Compact output (`-c`, `tojson`).
        public static var compact: Options {
            var options = Options()
            options.indent = 0
            return options
        }

        var isPretty: Bool { useTabs || indent > 0 }
    }

    /// The bytes written so far.
    public var buffer: [UInt8] = []
    /// The layout options.
    public var options: Options
    /// Receives the buffer whenever it grows past `flushThreshold` while writing (then it is emptied), so a
    /// huge value streams out instead of being held whole in memory.
    public var sink: (([UInt8]) -> Void)?
    /// The buffer size that triggers `sink`.
    public var flushThreshold = 1 << 20

    /// A writer with the given options.
    public init(options: Options = Options()) {
        self.options = options
        buffer.reserveCapacity(4096)
    }

    /// The compact text of a value (`tojson`, `tostring`, error messages).
    public static func compactString(_ value: JSONValue) -> String {
        // A number (every wscat request's id) needs no writer and its buffer: its text is the number's format.
        if case .number(let number) = value { return NumberFormat.format(number) }
        var writer = JSONWriter(options: .compact)
        writer.write(value)
        return String(decoding: writer.buffer, as: UTF8.self)
    }

    /// Appends a value.
    public mutating func write(_ value: JSONValue) {
        write(value, depth: 0)
    }

    /// Appends raw bytes.
    public mutating func writeRaw(_ string: String) {
        buffer.append(contentsOf: string.utf8)
    }

    private static let reset: [UInt8] = Array("\u{1B}[0m".utf8)

    private mutating func write(_ value: JSONValue, depth: Int) {
        let color = options.colors.map { $0.color(for: value) }
        if let color { buffer.append(contentsOf: color) }
        switch value {
        case .null:
            buffer.append(contentsOf: [110, 117, 108, 108])
        case .bool(let flag):
            if flag {
                buffer.append(contentsOf: [116, 114, 117, 101])
            } else {
                buffer.append(contentsOf: [102, 97, 108, 115, 101])
            }
        case .number(let number):
            writeNumber(number)
        case .literal(let literal):
            buffer.append(contentsOf: literal.text.utf8)
        case .string(let string):
            writeString(string)
        case .array(let elements):
            if elements.isEmpty {
                buffer.append(contentsOf: [91, 93])
                break
            }
            buffer.append(91)
            for (index, element) in elements.enumerated() {
                if buffer.count >= flushThreshold { drain() }
                if index > 0 { buffer.append(44) }
                newline(depth: depth + 1)
                write(element, depth: depth + 1)
                if let color { buffer.append(contentsOf: color) }
            }
            newline(depth: depth)
            if let color { buffer.append(contentsOf: color) }
            buffer.append(93)
        case .object(let object):
            if object.isEmpty {
                buffer.append(contentsOf: [123, 125])
                break
            }
            buffer.append(123)
            var first = true
            let keyColor = options.colors?.objectKey
            let writeMember = { (writer: inout JSONWriter, key: String, member: JSONValue) in
                if writer.buffer.count >= writer.flushThreshold { writer.drain() }
                if !first { writer.buffer.append(44) }
                first = false
                writer.newline(depth: depth + 1)
                if color != nil { writer.buffer.append(contentsOf: Self.reset) }
                if let keyColor { writer.buffer.append(contentsOf: keyColor) }
                writer.writeString(key)
                if keyColor != nil { writer.buffer.append(contentsOf: Self.reset) }
                if let color { writer.buffer.append(contentsOf: color) }
                writer.buffer.append(58)
                if writer.options.isPretty { writer.buffer.append(32) }
                if color != nil { writer.buffer.append(contentsOf: Self.reset) }
                writer.write(member, depth: depth + 1)
                if let color { writer.buffer.append(contentsOf: color) }
            }
            if options.sortKeys {
                for key in object.sortedKeys { writeMember(&self, key, object[key] ?? .null) }
            } else if color == nil, let members = object.packedMembers {
                // Packed members' strings are written from their bytes, never made into `String`s.
                var cursor = PackedMembers.Cursor()
                for key in object.keys {
                    if buffer.count >= flushThreshold { drain() }
                    if !first { buffer.append(44) }
                    first = false
                    newline(depth: depth + 1)
                    writeString(key)
                    buffer.append(58)
                    if options.isPretty { buffer.append(32) }
                    if let member = members.read(&cursor, string: { writeString(bytes: $0) }) {
                        write(member, depth: depth + 1)
                    }
                }
            } else {
                for entry in object.entries { writeMember(&self, entry.key, entry.value) }
            }
            newline(depth: depth)
            if let color { buffer.append(contentsOf: color) }
            buffer.append(125)
        }
        if color != nil { buffer.append(contentsOf: Self.reset) }
    }

    private mutating func drain() {
        guard let sink else { return }
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func newline(depth: Int) {
        guard options.isPretty else { return }
        buffer.append(10)
        if options.useTabs {
            for _ in 0..<depth { buffer.append(9) }
        } else {
            let count = depth * options.indent
            for _ in 0..<count { buffer.append(32) }
        }
    }

    mutating func writeNumber(_ number: Double) {
        if number == number.rounded(.towardZero) && abs(number) < 1e16 && !(number == 0 && number.sign == .minus) {
            buffer.append(contentsOf: String(Int64(number)).utf8)
            return
        }
        buffer.append(contentsOf: NumberFormat.format(number).utf8)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func writeString(_ string: String) {
        var string = string
        string.withUTF8 { writeString(bytes: $0) }
    }

    /// Writes a string given as UTF-8 bytes.
    mutating func writeString(bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(34)
        let ascii = options.asciiOnly
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x20 && byte != 34 && byte != 92 && byte != 0x7F && (byte < 0x80 || !ascii) {
                index += 1
                continue
            }
            if runStart < index {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            }
            if byte >= 0x80 {
                // -a: decode one scalar and escape it as \uXXXX (a surrogate pair above U+FFFF).
                var length = 1
                var scalar = UInt32(byte)
                if byte >= 0xF0 {
                    length = 4
                    scalar &= 0x07
                } else if byte >= 0xE0 {
                    length = 3
                    scalar &= 0x0F
                } else {
                    length = 2
                    scalar &= 0x1F
                }
                for offset in 1..<length where index + offset < count {
                    scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
                if scalar >= 0x10000 {
                    let reduced = scalar - 0x10000
                    appendUnicodeEscape(0xD800 + (reduced >> 10))
                    appendUnicodeEscape(0xDC00 + (reduced & 0x3FF))
                } else {
                    appendUnicodeEscape(scalar)
                }
                index += length
                runStart = index
                continue
            }
            switch byte {
            case 34: buffer.append(contentsOf: [92, 34])
            case 92: buffer.append(contentsOf: [92, 92])
            case 0x08: buffer.append(contentsOf: [92, 98])
            case 0x0C: buffer.append(contentsOf: [92, 102])
            case 0x0A: buffer.append(contentsOf: [92, 110])
            case 0x0D: buffer.append(contentsOf: [92, 114])
            case 0x09: buffer.append(contentsOf: [92, 116])
            default: appendUnicodeEscape(UInt32(byte))
            }
            index += 1
            runStart = index
        }
        if runStart < count {
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        }
        buffer.append(34)
    }

    private mutating func appendUnicodeEscape(_ unit: UInt32) {
        buffer.append(92)
        buffer.append(117)
        buffer.append(Self.hexDigits[Int(unit >> 12 & 0xF)])
        buffer.append(Self.hexDigits[Int(unit >> 8 & 0xF)])
        buffer.append(Self.hexDigits[Int(unit >> 4 & 0xF)])
        buffer.append(Self.hexDigits[Int(unit & 0xF)])
    }
}
