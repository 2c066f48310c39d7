/// Dates and relative times for `exp`, `iat` and `nbf`.
package enum JWTTime {
    /// `2029-08-21 13:40:32 UTC`.
    static func format(_ epoch: Int64) -> String {
        let days = epoch >= 0 ? epoch / 86_400 : (epoch - 86_399) / 86_400
        let secondsOfDay = epoch - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        return "\(year)-\(two(month))-\(two(day)) \(two(secondsOfDay / 3600)):\(two(secondsOfDay / 60 % 60)):"
            + "\(two(secondsOfDay % 60)) UTC"
    }

    /// `9 min`, `3 h`, `2 days`, `4 years`, rounded to the nearest unit: a token minted with a 10-minute lifetime
    /// a fraction of a second ago reads `10 min`, not `9 min`.
    package static func span(_ seconds: Int64) -> String {
        let seconds = abs(seconds)
        if seconds < 60 { return "\(seconds) s" }
        if seconds < 3600 - 30 { return "\((seconds + 30) / 60) min" }
        if seconds < 2 * 86_400 { return "\((seconds + 1800) / 3600) h" }
        if seconds < 365 * 86_400 { return "\((seconds + 43_200) / 86_400) days" }
        return "\((seconds + 182 * 86_400) / (365 * 86_400)) years"
    }

    /// ``span(_:)`` in the prompt's short form: `45s`, `10m`, `3h`, `2d` (same rounding and units, days beyond
    /// two days).
    package static func compactSpan(_ seconds: Int64) -> String {
        let seconds = abs(seconds)
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 - 30 { return "\((seconds + 30) / 60)m" }
        if seconds < 2 * 86_400 { return "\((seconds + 1800) / 3600)h" }
        return "\((seconds + 43_200) / 86_400)d"
    }

    /// `expires in 9 min` / `expired 3 min ago`.
    package static func expiry(_ exp: Int64, now: Int64) -> String {
        exp > now ? "expires in \(span(exp - now))" : "expired \(span(now - exp)) ago"
    }

    /// `issued 5 min ago` / `issued in 2 min` (clock skew).
    package static func issued(_ iat: Int64, now: Int64) -> String {
        iat <= now ? "issued \(span(now - iat)) ago" : "issued in \(span(iat - now))"
    }

    private static func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : String(value) }

    /// Howard Hinnant's civil-from-days.
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
