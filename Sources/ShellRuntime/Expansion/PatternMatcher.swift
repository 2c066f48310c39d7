#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shell pattern matching (`case`, `${x#pat}`) and pathname expansion, on top of fnmatch(3) and glob(3).
enum PatternMatcher {
    /// True when `text` matches the shell pattern. `?`, `*` and `[…]` match characters, not bytes: fnmatch runs in a
    /// UTF-8 locale whatever the process's own locale is.
    static func matches(_ text: String, pattern: String) -> Bool {
        let previous = utf8Locale.map { uselocale($0) }
        defer { if let previous { uselocale(previous) } }
        return fnmatch(pattern, text, 0) == 0
    }

    /// A UTF-8 character-type locale for `fnmatch` (nil when the system has none: then it matches bytes).
    nonisolated(unsafe) private static let utf8Locale: locale_t? = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)

    /// `${x#pattern}` / `${x##pattern}`.
    static func removePrefix(_ pattern: String, from text: String, longest: Bool) -> String {
        let characters = Array(text)
        let lengths = longest ? Array((0...characters.count).reversed()) : Array(0...characters.count)
        for length in lengths where matches(String(characters[..<length]), pattern: pattern) {
            return String(characters[length...])
        }
        return text
    }

    /// `${x%pattern}` / `${x%%pattern}`.
    static func removeSuffix(_ pattern: String, from text: String, longest: Bool) -> String {
        let characters = Array(text)
        let starts = longest ? Array(0...characters.count) : Array((0...characters.count).reversed())
        for start in starts where matches(String(characters[start...]), pattern: pattern) {
            return String(characters[..<start])
        }
        return text
    }

    /// Files matching a pattern, sorted; relative patterns resolve against `workingDirectory`.
    static func glob(_ pattern: String, workingDirectory: String) -> [String] {
        let isRelative = !pattern.hasPrefix("/")
        let prefix = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        let fullPattern = isRelative ? escapeForGlob(prefix) + pattern : pattern
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(fullPattern, 0, nil, &result) == 0 else { return [] }
        var matches: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            guard let pointer = result.gl_pathv[index] else { continue }
            let name = UnsafeBufferPointer(start: pointer, count: strlen(pointer))
            var path = String(shellBytes: name.map(UInt8.init(bitPattern:)))
            if isRelative && path.hasPrefix(prefix) { path.removeFirst(prefix.count) }
            matches.append(path)
        }
        return matches
    }

    private static func escapeForGlob(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "*?[]\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
