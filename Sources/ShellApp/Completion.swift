import ShellRuntime
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Tab completion: builtin and program names in command position, variable names after `$`, files elsewhere.
enum Completion {
    /// Variable names as of the last command (the REPL updates it).
    static let variableNames = Mutex<[String]>([])

    static func provider(interpreter: Interpreter) -> @Sendable (String, String) -> [String]? {
        { word, before in
            if word.hasPrefix("$") {
                let prefix = word.dropFirst()
                let braced = prefix.hasPrefix("{")
                let namePrefix = braced ? prefix.dropFirst() : prefix
                return variableNames.withLock { $0 }.filter { $0.hasPrefix(namePrefix) }.map {
                    braced ? "${\($0)}" : "$\($0)"
                }
            }
            let trimmed = before.reversed().drop { $0 == " " || $0 == "\t" }
            let isCommandPosition = trimmed.isEmpty || "|;&(`".contains(trimmed.first!)
            guard isCommandPosition, !word.contains("/") else { return nil }
            var names = Set(
                interpreter.builtins.flatMap { [$0.name] + $0.aliases }.filter { $0.hasPrefix(word) })
            if !word.isEmpty {
                for directory in (getenv("PATH").map { String(cString: $0) } ?? "").split(separator: ":") {
                    guard let handle = opendir(String(directory)) else { continue }
                    while let entry = readdir(handle) {
                        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                            String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                        }
                        if name.hasPrefix(word) { names.insert(name) }
                    }
                    closedir(handle)
                }
            }
            return names.sorted()
        }
    }
}
