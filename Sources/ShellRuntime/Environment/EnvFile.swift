/// Reads docker-style env files (`--env-file lp.env`): `KEY=VALUE` lines, `KEY` alone copies from the
/// environment, `#` comments. It tolerates the tutorials' broken sample (prose after a TAB, `*` bullet lines)
/// with a warning naming the line, instead of failing as docker does.
public struct EnvFile: Sendable {
    /// One variable read from the file.
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var value: String

        /// Creates an entry.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public var entries: [Entry] = []
    /// `file:line: message` warnings, in order.
    public var warnings: [String] = []

    /// Parses the text of a file named `name`, copying bare `KEY` lines from `environment`.
    public static func parse(_ text: String, name: String, environment: [String: String]) -> EnvFile {
        var result = EnvFile()
        // Split on the "\n" scalar: "\r\n" is one Character, so a Character split would not split CRLF files.
        let rawLines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in rawLines.enumerated() {
            var line = Substring(String(rawLine))
            if line.hasSuffix("\r") { line.removeLast() }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let location = "\(name):\(index + 1)"
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let equals = trimmed.firstIndex(of: "=") else {
                let key = String(trimmed).trimmingTrailingBlanks
                if isValidName(key) {
                    if let value = environment[key] { result.entries.append(Entry(name: key, value: value)) }
                } else {
                    result.warnings.append(
                        "\(location): skipped a line that is not NAME=VALUE: \(excerpt(trimmed, 60))")
                }
                continue
            }
            let key = String(trimmed[..<equals])
            guard isValidName(key) else {
                result.warnings.append("\(location): skipped a line that is not NAME=VALUE: \(excerpt(trimmed, 60))")
                continue
            }
            var value = String(trimmed[trimmed.index(after: equals)...])
            if let tab = value.firstIndex(of: "\t") {
                let extra = value[tab...].drop { $0 == "\t" || $0 == " " }
                if !extra.isEmpty {
                    result.warnings.append(
                        "\(location): ignored the text after the value of \(key) (\"\(excerpt(extra, 40))\"); "
                            + "docker would have kept it in the value")
                }
                value = String(value[..<tab])
            }
            let cleaned = value.trimmingTrailingBlanks
            if cleaned.count != value.count && !cleaned.isEmpty {
                result.warnings.append("\(location): removed trailing blanks from the value of \(key)")
            }
            result.entries.append(Entry(name: key, value: cleaned))
        }
        return result
    }

    /// The start of `text` for a warning, JWTs masked first (a cut-off token would no longer look like one).
    private static func excerpt(_ text: Substring, _ length: Int) -> String {
        String(SecretMasking.mask(String(text)).prefix(length))
    }

    private static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        }
    }
}

extension String {
    fileprivate var trimmingTrailingBlanks: String {
        var text = Substring(self)
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
