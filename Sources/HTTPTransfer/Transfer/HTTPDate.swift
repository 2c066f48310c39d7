/// Parses the date formats `Expires` uses (`Wed, 21 Oct 2015 07:28:00 GMT`, `Wed, 21-Oct-15 07:28:00 GMT`,
/// asctime) into epoch seconds, without Foundation.
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Epoch seconds, or nil when the text has no recognisable day, month, year and time.
    static func parse(_ text: String) -> Int64? {
        var day: Int64?
        var month: Int64?
        var year: Int64?
        var time: (Int64, Int64, Int64)?
        let tokens = text.split(whereSeparator: { " ,-\t".contains($0) })
        for token in tokens {
            if token.contains(":") {
                let parts = token.split(separator: ":").compactMap { Int64($0) }
                if parts.count == 3 { time = (parts[0], parts[1], parts[2]) }
            } else if let number = Int64(token) {
                if token.count >= 3 {
                    year = number
                } else if day == nil {
                    day = number
                } else {
                    year = number < 70 ? 2000 + number : 1900 + number
                }
            } else if let index = months.firstIndex(of: String(token.prefix(3)).lowercased()) {
                month = Int64(index) + 1
            }
        }
        guard let day, let month, let year, let time else { return nil }
        return daysFromCivil(year: year, month: month, day: day) * 86_400 + time.0 * 3600 + time.1 * 60 + time.2
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
