#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `strptime` for the conversions jq date programs use (`%Y-%m-%dT%H:%M:%SZ` and friends).
enum DateParser {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    static func parse(_ text: String, format: String) -> tm? {
        var time = tm()
        time.tm_mday = 1
        let input = Array(text.utf8)
        let pattern = Array(format.utf8)
        var position = 0
        var index = 0

        func number(maxDigits: Int) -> Int32? {
            wideNumber(maxDigits: maxDigits).flatMap { Int32(exactly: $0) }
        }

        /// Digits as a 64-bit number; nil when there are none or they overflow (`%s` with 20 digits).
        func wideNumber(maxDigits: Int) -> Int64? {
            var value: Int64 = 0
            var digits = 0
            var negative = false
            if position < input.count && (input[position] == 43 || input[position] == 45) && maxDigits > 4 {
                negative = input[position] == 45
                position += 1
            }
            while digits < maxDigits && position < input.count && input[position] >= 48 && input[position] <= 57 {
                let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
                guard !overflow, case (let sum, false) = shifted.addingReportingOverflow(Int64(input[position] - 48))
                else { return nil }
                value = sum
                position += 1
                digits += 1
            }
            guard digits > 0 else { return nil }
            return negative ? -value : value
        }

        func name(_ names: [String]) -> Int? {
            for (offset, candidate) in names.enumerated() {
                let bytes = Array(candidate.utf8)
                guard position + 3 <= input.count else { return nil }
                if input[position..<position + 3].map({ $0 | 0x20 }) == bytes {
                    position += 3
                    while position < input.count && ((input[position] | 0x20) >= 97 && (input[position] | 0x20) <= 122)
                    {
                        position += 1
                    }
                    return offset
                }
            }
            return nil
        }

        while index < pattern.count {
            let byte = pattern[index]
            if byte == 37 && index + 1 < pattern.count {
                let conversion = pattern[index + 1]
                index += 2
                switch conversion {
                case UInt8(ascii: "Y"):
                    guard let value = number(maxDigits: 5) else { return nil }
                    time.tm_year = value - 1900
                case UInt8(ascii: "m"):
                    guard let value = number(maxDigits: 2) else { return nil }
                    time.tm_mon = value - 1
                case UInt8(ascii: "d"), UInt8(ascii: "e"):
                    while position < input.count && input[position] == 32 { position += 1 }
                    guard let value = number(maxDigits: 2) else { return nil }
                    time.tm_mday = value
                case UInt8(ascii: "H"):
                    guard let value = number(maxDigits: 2) else { return nil }
                    time.tm_hour = value
                case UInt8(ascii: "M"):
                    guard let value = number(maxDigits: 2) else { return nil }
                    time.tm_min = value
                case UInt8(ascii: "S"):
                    guard let value = number(maxDigits: 2) else { return nil }
                    time.tm_sec = value
                case UInt8(ascii: "y"):
                    guard let value = number(maxDigits: 2) else { return nil }
                    time.tm_year = value < 69 ? value + 100 : value
                case UInt8(ascii: "j"):
                    guard let value = number(maxDigits: 3) else { return nil }
                    time.tm_yday = value - 1
                case UInt8(ascii: "T"):
                    guard let hour = number(maxDigits: 2), position < input.count, input[position] == 58 else {
                        return nil
                    }
                    position += 1
                    guard let minute = number(maxDigits: 2), position < input.count, input[position] == 58 else {
                        return nil
                    }
                    position += 1
                    guard let second = number(maxDigits: 2) else { return nil }
                    (time.tm_hour, time.tm_min, time.tm_sec) = (hour, minute, second)
                case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "h"):
                    guard let month = name(months) else { return nil }
                    time.tm_mon = Int32(month)
                case UInt8(ascii: "a"), UInt8(ascii: "A"):
                    guard let day = name(days) else { return nil }
                    time.tm_wday = Int32(day)
                case UInt8(ascii: "Z"):
                    while position < input.count && ((input[position] | 0x20) >= 97 && (input[position] | 0x20) <= 122)
                    {
                        position += 1
                    }
                case UInt8(ascii: "z"):
                    if position < input.count && (input[position] == 90 || input[position] == 122) {
                        position += 1
                    } else {
                        guard position < input.count, input[position] == 43 || input[position] == 45 else { return nil }
                        position += 1
                        guard number(maxDigits: 4) != nil else { return nil }
                    }
                case UInt8(ascii: "s"):
                    guard let value = wideNumber(maxDigits: 20) else { return nil }
                    var seconds = time_t(value)
                    guard gmtime_r(&seconds, &time) != nil else { return nil }
                case UInt8(ascii: "%"):
                    guard position < input.count, input[position] == 37 else { return nil }
                    position += 1
                default:
                    return nil
                }
            } else if byte == 32 {
                while position < input.count && input[position] == 32 { position += 1 }
                index += 1
            } else {
                guard position < input.count, input[position] == byte else { return nil }
                position += 1
                index += 1
            }
        }
        return position == input.count ? time : nil
    }
}
