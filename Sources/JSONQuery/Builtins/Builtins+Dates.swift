#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Builtins {
    static func registerDates(_ table: inout [String: NativeFunction]) {
        table["gmtime/0"] = unary { input in
            guard let seconds = input.doubleValue else { throw fail("gmtime() requires a number") }
            return try brokenDown(seconds, local: false)
        }
        table["localtime/0"] = unary { input in
            guard let seconds = input.doubleValue else { throw fail("localtime() requires a number") }
            return try brokenDown(seconds, local: true)
        }
        table["mktime/0"] = unary { input in
            guard case .array = input else { throw fail("mktime requires array of 6 numbers") }
            var time = try tmStruct(input, name: "mktime")
            return .number(Double(timegm(&time)))
        }
        table["strftime/1"] = withValues { input, values in
            try format(input, values[0], local: false, name: "strftime/1")
        }
        table["strflocaltime/1"] = withValues { input, values in
            try format(input, values[0], local: true, name: "strflocaltime/1")
        }
        table["strptime/1"] = withValues { input, values in
            guard case .string(let text) = input else {
                throw fail("strptime/1 requires string inputs and arguments")
            }
            guard case .string(let pattern) = values[0] else {
                throw fail("strptime/1 requires string inputs and arguments")
            }
            guard var time = DateParser.parse(text, format: pattern) else {
                throw fail("date \"\(text)\" does not match format \"\(pattern)\"")
            }
            var copy = time
            let seconds = timegm(&copy)
            var normalised = tm()
            var secondsCopy = seconds
            gmtime_r(&secondsCopy, &normalised)
            time.tm_wday = normalised.tm_wday
            time.tm_yday = normalised.tm_yday
            return array(time, fraction: 0)
        }
    }

    /// `gmtime`/`localtime`: seconds since the epoch as jq's broken-down time array; jq 1.7's error when the
    /// number is not a time the C library can represent (NaN, ±1e300, years past Int32).
    static func brokenDown(_ seconds: Double, local: Bool) throws -> JSONValue {
        var time = tm()
        guard var whole = time_t(exactly: seconds.rounded(.down)),
            (local ? localtime_r(&whole, &time) : gmtime_r(&whole, &time)) != nil
        else { throw fail("error converting number of seconds since epoch to datetime") }
        return array(time, fraction: seconds - seconds.rounded(.down))
    }

    static func array(_ time: tm, fraction: Double) -> JSONValue {
        .array([
            .number(Double(time.tm_year) + 1900), .number(Double(time.tm_mon)), .number(Double(time.tm_mday)),
            .number(Double(time.tm_hour)), .number(Double(time.tm_min)), .number(Double(time.tm_sec) + fraction),
            .number(Double(time.tm_wday)), .number(Double(time.tm_yday)),
        ])
    }

    static func tmStruct(_ value: JSONValue, name: String) throws -> tm {
        guard case .array(let parts) = value, parts.count >= 6 else {
            throw fail("\(name) requires array of 6 numbers")
        }
        var numbers: [Int32] = []
        for part in parts {
            guard let number = part.doubleValue else { throw fail("\(name) requires parsed datetime inputs") }
            numbers.append(Int32(truncatingIfNeeded: clampedInteger(number.rounded(.down))))
        }
        var time = tm()
        time.tm_year = numbers[0] - 1900
        time.tm_mon = numbers[1]
        time.tm_mday = numbers[2]
        time.tm_hour = numbers[3]
        time.tm_min = numbers[4]
        time.tm_sec = numbers[5]
        if numbers.count > 6 { time.tm_wday = numbers[6] }
        if numbers.count > 7 { time.tm_yday = numbers[7] }
        return time
    }

    static func format(_ input: JSONValue, _ pattern: JSONValue, local: Bool, name: String) throws -> JSONValue {
        var value = input
        if let seconds = input.doubleValue { value = try brokenDown(seconds, local: local) }
        guard case .array = value else { throw fail("\(name) requires parsed datetime inputs") }
        guard case .string(let formatText) = pattern else { throw fail("\(name) requires a string format") }
        var time = try tmStruct(value, name: name)
        var buffer = [CChar](repeating: 0, count: 512)
        let count = formatText.withCString { strftime(&buffer, buffer.count, $0, &time) }
        return .string(String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}
