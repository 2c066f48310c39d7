/// Shell values are bytes, Swift strings are Unicode: a byte that is not part of valid UTF-8 (`$(printf '\377')`,
/// a Latin-1 file name, half a character from `head -c`) is kept as a scalar of its own, U+10FF80 + (byte − 0x80),
/// and written back as that byte. So `${#x}` counts it as one character (as bash does), patterns see it as one
/// character, and output, argv and the environment carry the original bytes.
extension String {
    /// The first of the 128 scalars that stand for the bytes 0x80…0xFF outside valid UTF-8.
    static let rawByteBase: UInt32 = 0x10_FF80

    /// Decodes `bytes` as UTF-8, each byte of an invalid or truncated sequence kept as its stand-in scalar.
    public init(shellBytes bytes: some Collection<UInt8>) {
        let array = Array(bytes)
        if let valid = String(validating: array, as: UTF8.self) {
            self = valid
            return
        }
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < array.count {
            let length = Self.validSequenceLength(array, at: index)
            if length == 0 {
                scalars.append(Unicode.Scalar(Self.rawByteBase + UInt32(array[index] - 0x80))!)
                index += 1
            } else {
                var value = UInt32(array[index])
                if length > 1 {
                    value &= [0, 0, 0x1F, 0x0F, 0x07][length]
                    for offset in 1..<length { value = value << 6 | UInt32(array[index + offset] & 0x3F) }
                }
                scalars.append(Unicode.Scalar(value)!)
                index += length
            }
        }
        self = String(scalars)
    }

    /// The bytes the string stands for: its UTF-8, with each stand-in scalar written as its original byte.
    public var shellBytes: [UInt8] {
        // A stand-in's UTF-8 starts with 0xF4 (as does U+100000 and above): most strings take the fast path, searched
        // in the contiguous UTF-8 (through the view's iterator it cost some 20 instructions a byte: wscat's output).
        let plain = utf8.withContiguousStorageIfAvailable { bytes -> [UInt8]? in
            bytes.contains(0xF4) ? nil : Array(bytes)
        }
        if let plain, let plain { return plain }
        guard utf8.contains(0xF4) else { return Array(utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let byte = scalar.rawByte {
                bytes.append(byte)
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// The length of the valid UTF-8 sequence starting at `index` (1…4), or 0 when the byte there starts none.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        let (length, secondRange): (Int, ClosedRange<UInt8>) =
            switch first {
            case 0x00...0x7F: (1, 0x80...0xBF)
            case 0xC2...0xDF: (2, 0x80...0xBF)
            case 0xE0: (3, 0xA0...0xBF)
            case 0xED: (3, 0x80...0x9F)
            case 0xE1...0xEF: (3, 0x80...0xBF)
            case 0xF0: (4, 0x90...0xBF)
            case 0xF1...0xF3: (4, 0x80...0xBF)
            case 0xF4: (4, 0x80...0x8F)
            default: (0, 0x80...0xBF)
            }
        if length < 2 { return length }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }
}

extension Unicode.Scalar {
    /// The byte this scalar stands for when it is a stand-in for a byte outside valid UTF-8 (see `String(shellBytes:)`).
    public var rawByte: UInt8? {
        guard value >= String.rawByteBase, value <= 0x10_FFFF else { return nil }
        return UInt8(value - String.rawByteBase + 0x80)
    }
}
