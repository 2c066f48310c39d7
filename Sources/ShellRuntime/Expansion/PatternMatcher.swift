#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shell pattern matching (`case`, `${x#pat}`) and pathname expansion, on top of fnmatch(3) and glob(3).
enum PatternMatcher {
    /// True when `text` matches the shell pattern.
    static func matches(_ text: String, pattern: String) -> Bool {
        fnmatch(pattern, text, 0) == 0
    }

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
            var path = String(cString: pointer)
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
