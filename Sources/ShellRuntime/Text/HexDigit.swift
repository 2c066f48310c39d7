extension UInt8 {
    /// The value of an ASCII hex digit (`0-9`, `a-f`, `A-F`), nil for any other byte. Shared by `printf`/`echo`
    /// escapes, wscat's JSON `\u` escapes and curl's chunk sizes.
    package var hexDigitValue: Int? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(self - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(self - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(self - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
