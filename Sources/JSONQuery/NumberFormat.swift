/// Number text the way jq 1.7 prints it.
enum NumberFormat {
    /// A double as jq prints it: the shortest round-trip digits, positional unless the decimal point
    /// falls before the 4th place or more than 15 places past the digits (`1e-05`, `1e+17`, `1.5`), NaN
    /// as `null` and infinities as the largest double.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "null" }
        if value.isInfinite { return value < 0 ? "-1.7976931348623157e+308" : "1.7976931348623157e+308" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        if value == value.rounded(.towardZero) && abs(value) < 1e16 {
            return String(Int64(value))
        }
        var (digits, decimalPoint, negative) = decompose(value)
        var result = negative ? "-" : ""
        let count = digits.count
        if decimalPoint <= -4 || decimalPoint > count + 15 {
            result.append(digits.removeFirst())
            if !digits.isEmpty {
                result.append(".")
                result.append(contentsOf: digits)
            }
            let exponent = decimalPoint - 1
            result.append(exponent < 0 ? "e-" : "e+")
            let magnitude = abs(exponent)
            if magnitude < 10 { result.append("0") }
            result.append(String(magnitude))
        } else if decimalPoint <= 0 {
            result.append("0.")
            result.append(String(repeating: "0", count: -decimalPoint))
            result.append(contentsOf: digits)
        } else if decimalPoint < count {
            result.append(contentsOf: digits.prefix(decimalPoint))
            result.append(".")
            result.append(contentsOf: digits.dropFirst(decimalPoint))
        } else {
            result.append(contentsOf: digits)
            result.append(String(repeating: "0", count: decimalPoint - count))
        }
        return result
    }

    /// The shortest round-trip significant digits of a finite non-zero double and the position of the
    /// decimal point relative to them (`0.0123` gives `"123"`, -1).
    private static func decompose(_ value: Double) -> (digits: String, decimalPoint: Int, negative: Bool) {
        let text = abs(value).description
        var digits = ""
        var pointPosition: Int?
        var exponent = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "." {
                pointPosition = digits.count
            } else if character == "e" || character == "E" {
                exponent = Int(text[text.index(after: index)...]) ?? 0
                break
            } else {
                digits.append(character)
            }
            index = text.index(after: index)
        }
        var point = (pointPosition ?? digits.count) + exponent
        // Strip leading zeros (0.00123) and trailing zeros (100.0).
        while digits.count > 1 && digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        return (digits, point, value < 0)
    }

    /// The canonical text jq 1.7 prints for a number literal (decNumber's scientific string):
    /// `1.000` stays, `1e2` becomes `1E+2`, `0.000005` stays, `1e-7` becomes `1E-7`.
    /// Returns nil when the text is not a JSON number.
    static func canonicalLiteral(_ bytes: some Collection<UInt8>) -> String? {
        var negative = false
        var coefficient: [UInt8] = []
        var fractionDigits = 0
        var exponent = 0
        var iterator = bytes.makeIterator()
        var byte = iterator.next()
        if byte == UInt8(ascii: "-") {
            negative = true
            byte = iterator.next()
        }
        var sawDigit = false
        while let current = byte, current >= 48 && current <= 57 {
            coefficient.append(current)
            sawDigit = true
            byte = iterator.next()
        }
        if byte == UInt8(ascii: ".") {
            byte = iterator.next()
            while let current = byte, current >= 48 && current <= 57 {
                coefficient.append(current)
                fractionDigits += 1
                sawDigit = true
                byte = iterator.next()
            }
        }
        guard sawDigit else { return nil }
        if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            byte = iterator.next()
            var exponentNegative = false
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                exponentNegative = byte == UInt8(ascii: "-")
                byte = iterator.next()
            }
            var sawExponentDigit = false
            while let current = byte, current >= 48 && current <= 57 {
                if exponent < 1_000_000_000 { exponent = exponent * 10 + Int(current - 48) }
                sawExponentDigit = true
                byte = iterator.next()
            }
            guard sawExponentDigit else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        guard byte == nil else { return nil }
        var start = 0
        while start < coefficient.count - 1 && coefficient[start] == UInt8(ascii: "0") { start += 1 }
        let digits = Array(coefficient[start...])
        let scale = exponent - fractionDigits
        let adjusted = scale + digits.count - 1
        var result: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        if scale <= 0 && adjusted >= -6 {
            if scale == 0 {
                result.append(contentsOf: digits)
            } else {
                let integerCount = digits.count + scale
                if integerCount > 0 {
                    result.append(contentsOf: digits[..<integerCount])
                    result.append(UInt8(ascii: "."))
                    result.append(contentsOf: digits[integerCount...])
                } else {
                    result.append(contentsOf: Array("0.".utf8))
                    result.append(contentsOf: [UInt8](repeating: UInt8(ascii: "0"), count: -integerCount))
                    result.append(contentsOf: digits)
                }
            }
        } else {
            result.append(digits[0])
            if digits.count > 1 {
                result.append(UInt8(ascii: "."))
                result.append(contentsOf: digits[1...])
            }
            result.append(contentsOf: Array((adjusted < 0 ? "E-" : "E+").utf8))
            result.append(contentsOf: Array(String(abs(adjusted)).utf8))
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// A number value for literal text: a plain double when jq would print the double the same way,
    /// otherwise a preserved literal. Nil when the text is not a number.
    static func value(forLiteral bytes: some Collection<UInt8>) -> JSONValue? {
        guard let canonical = canonicalLiteral(bytes) else { return nil }
        let double = Double(String(decoding: bytes, as: UTF8.self)) ?? .nan
        if double.isNaN { return nil }
        // Integers of 16 digits or more stay literals even when the double prints the same: jq 1.7.1 compares two
        // literals as decimals (`13911860366432393 == 13911860366432392` is false, though their doubles are equal).
        if format(double) == canonical && !isLongInteger(canonical) { return .number(double) }
        return .literal(NumberLiteral(text: canonical, value: double))
    }

    private static func isLongInteger(_ canonical: String) -> Bool {
        var digits = 0
        for byte in canonical.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "-"): continue
            default: return false
            }
        }
        return digits > 15
    }
}
