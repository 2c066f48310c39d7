import ShellRuntime

/// Backslash escapes shared by `echo -e` and `printf` (`%b` and the format string).
enum EscapeSequences {
    /// How an octal escape is spelled, which differs between the three users (as in bash and dash).
    enum Octal {
        /// `echo -e`: `\0NNN` only (a zero, then up to three digits).
        case zeroFirst
        /// printf's `%b`: `\0NNN` or `\NNN` (one to three digits).
        case either
        /// A printf format: `\NNN` (one to three digits, a leading zero one of them).
        case threeDigits
    }

    /// Interprets escapes in `bytes`; returns the bytes (an octal escape above `\377` keeps its low eight bits) and
    /// whether `\c` asked to stop all output.
    static func interpret(_ bytes: [UInt8], octal: Octal) -> ([UInt8], stop: Bool) {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                output.append(byte)
                index += 1
                continue
            }
            let next = bytes[index + 1]
            index += 2
            switch next {
            case UInt8(ascii: "n"): output.append(10)
            case UInt8(ascii: "t"): output.append(9)
            case UInt8(ascii: "r"): output.append(13)
            case UInt8(ascii: "a"): output.append(7)
            case UInt8(ascii: "b"): output.append(8)
            case UInt8(ascii: "f"): output.append(12)
            case UInt8(ascii: "v"): output.append(11)
            case UInt8(ascii: "e"), UInt8(ascii: "E"): output.append(27)
            case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "c"): return (output, true)
            case UInt8(ascii: "x"):
                var value = 0
                var digits = 0
                while digits < 2, index < bytes.count, let digit = bytes[index].hexDigitValue {
                    value = value * 16 + digit
                    index += 1
                    digits += 1
                }
                if digits == 0 {
                    output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "x")])
                } else {
                    output.append(UInt8(value))
                }
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = 0
                var digits = 0
                switch octal {
                case .zeroFirst where next != UInt8(ascii: "0"):
                    output.append(contentsOf: [UInt8(ascii: "\\"), next])
                    continue
                case .zeroFirst:
                    break
                case .either where next == UInt8(ascii: "0"):
                    break
                case .either, .threeDigits:
                    value = Int(next - 48)
                    digits = 1
                }
                while digits < 3, index < bytes.count, bytes[index] >= 48, bytes[index] <= 55 {
                    value = value * 8 + Int(bytes[index] - 48)
                    index += 1
                    digits += 1
                }
                output.append(UInt8(truncatingIfNeeded: value))
            default:
                output.append(contentsOf: [UInt8(ascii: "\\"), next])
            }
        }
        return (output, false)
    }
}
