#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The dates the sandbox writes as text, in English whatever the locale, as `DateFormatter` wrote them with the
/// `en_US_POSIX` locale, without Foundation's ICU-backed formatters: the time rounded to the millisecond, the
/// Julian calendar before 15 October 1582 and years before 1 AD as years of the era, as ICU does.
enum DateText {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// An HTTP date (RFC 9110 §5.6.7), `EEE, dd MMM yyyy HH:mm:ss 'GMT'`: `Tue, 01 Dec 2026 09:05:03 GMT`.
    static func http(_ date: Date) -> String {
        let time = Fields(date, local: false)
        return "\(weekdays[time.weekday]), \(padded(time.day, 2)) \(months[time.month - 1]) \(padded(time.year, 4)) "
            + "\(padded(time.hour, 2)):\(padded(time.minute, 2)):\(padded(time.second, 2)) GMT"
    }

    /// agentVep's error time in the local time zone, `MMM d, yyyy h:mm:ss a`: `Dec 1, 2026 9:05:03 AM`.
    static func agentVep(_ date: Date) -> String {
        let time = Fields(date, local: true)
        let hour = time.hour % 12 == 0 ? 12 : time.hour % 12
        return "\(months[time.month - 1]) \(time.day), \(padded(time.year, 4)) "
            + "\(hour):\(padded(time.minute, 2)):\(padded(time.second, 2)) \(time.hour < 12 ? "AM" : "PM")"
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The calendar fields of a date, in UTC or in the local time zone (the C library's, from `TZ` or
    /// /etc/localtime, as `TimeZone.current`).
    private struct Fields {
        var year = 0, month = 0, day = 0, weekday = 0, hour = 0, minute = 0, second = 0

        /// The first day of the Gregorian calendar, 15 October 1582, in days since 1970.
        private static let gregorianStart = -141_427

        init(_ date: Date, local: Bool) {
            // Past ±3 million years (or not a number) the date is clamped rather than trapping on the conversion.
            let exact = date.timeIntervalSince1970 * 1000
            let milliseconds = exact.isNaN ? 0 : min(max(exact, -1e20), 1e20).rounded(.toNearestOrEven)
            var seconds = Int((milliseconds / 1000).rounded(.down))
            if local {
                var instant = time_t(seconds)
                var time = tm()
                localtime_r(&instant, &time)
                seconds += Int(time.tm_gmtoff)
            }
            let days = Self.floorDivision(seconds, 86_400)
            let inDay = seconds - days * 86_400
            (hour, minute, second) = (inDay / 3_600, inDay / 60 % 60, inDay % 60)
            weekday = ((days + 4) % 7 + 7) % 7
            (year, month, day) = days >= Self.gregorianStart ? Self.gregorian(days) : Self.julian(days)
            if year <= 0 { year = 1 - year }
        }

        /// Year (0 is 1 BC), month and day of the Gregorian calendar (H. Hinnant's `civil_from_days`).
        private static func gregorian(_ days: Int) -> (Int, Int, Int) {
            let shifted = days + 719_468
            let era = floorDivision(shifted, 146_097)
            let dayOfEra = shifted - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let shiftedMonth = (5 * dayOfYear + 2) / 153
            let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
            return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        }

        /// Year (0 is 1 BC), month and day of the Julian calendar, from the Julian day number.
        private static func julian(_ days: Int) -> (Int, Int, Int) {
            let c = days + 2_440_588 + 32_082
            let d = floorDivision(4 * c + 3, 1_461)
            let e = c - floorDivision(1_461 * d, 4)
            let m = (5 * e + 2) / 153
            return (d - 4_800 + m / 10, m + 3 - 12 * (m / 10), e - (153 * m + 2) / 5 + 1)
        }

        private static func floorDivision(_ a: Int, _ b: Int) -> Int {
            a >= 0 ? a / b : -((-a + b - 1) / b)
        }
    }
}
