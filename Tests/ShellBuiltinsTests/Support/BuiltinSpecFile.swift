/// One case of a builtin spec file, in the Oils spec-file syntax.
///
/// ```
/// #### name
/// ## args: -s {URL}/echo
/// ## stdin: text
/// ## env: NAME=value
/// ## file: NAME=content
/// ## STDOUT:
/// …
/// ## END
/// ## stdout: one line          (or `## stdout-json: "exact\r\nbytes"`)
/// ## stderr: one line          (`## STDERR:` … `## END`, `## stderr-json:`; unchecked when absent)
/// ## FILE: NAME                (expected contents of a file afterwards) … `## END`
/// ## exit_code: 22
/// ## transports: direct        (curl: run over these transports only; both when absent)
/// ```
struct BuiltinSpecCase: Sendable, CustomStringConvertible {
    var name: String
    var arguments = ""
    var stdin = ""
    var environment: [(String, String)] = []
    var files: [(String, String)] = []
    var stdout: String?
    var stderr: String?
    var expectedFiles: [(String, String)] = []
    var exitCode: Int32 = 0
    var differential = true
    /// The curl transports the case applies to (nil: every one).
    var transports: [String]?

    var description: String { name }
}

enum BuiltinSpecFile {
    /// Parses a spec file's text.
    static func parse(_ text: String) -> [BuiltinSpecCase] {
        var cases: [BuiltinSpecCase] = []
        var current: BuiltinSpecCase?
        var block: (kind: String, name: String, lines: [String])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if var open = block {
                if line == "## END" {
                    let value = open.lines.map { $0 + "\n" }.joined()
                    switch open.kind {
                    case "STDOUT": current?.stdout = value
                    case "STDERR": current?.stderr = value
                    default: current?.expectedFiles.append((open.name, value))
                    }
                    block = nil
                } else {
                    open.lines.append(line)
                    block = open
                }
                continue
            }
            if line.hasPrefix("#### ") {
                if let current { cases.append(current) }
                current = BuiltinSpecCase(name: String(line.dropFirst(5)))
                continue
            }
            guard line.hasPrefix("## "), current != nil else { continue }
            let body = line.dropFirst(3)
            let key = body.prefix { $0 != ":" }
            var value = String(body.dropFirst(key.count + 1))
            if value.hasPrefix(" ") { value.removeFirst() }
            switch key {
            case "args": current?.arguments = value
            case "stdin": current?.stdin = value + "\n"
            case "env": current?.environment.append(pair(value))
            case "file": current?.files.append(pair(value))
            case "stdout": current?.stdout = value + "\n"
            case "stderr": current?.stderr = value + "\n"
            case "stdout-json": current?.stdout = decodeJSONString(value)
            case "stderr-json": current?.stderr = decodeJSONString(value)
            case "exit_code": current?.exitCode = Int32(value) ?? -1
            case "differential": current?.differential = value != "no"
            case "transports": current?.transports = value.split(separator: " ").map(String.init)
            case "STDOUT", "STDERR": block = (String(key), "", [])
            case "FILE": block = ("FILE", value, [])
            default: break
            }
        }
        if let current { cases.append(current) }
        return cases
    }

    private static func pair(_ text: String) -> (String, String) {
        guard let equals = text.firstIndex(of: "=") else { return (text, "") }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    /// Decodes a JSON string literal with `\n`, `\r`, `\t`, `\"`, `\\` escapes.
    static func decodeJSONString(_ literal: String) -> String {
        var result = ""
        var characters = literal.dropFirst().dropLast().makeIterator()
        while let character = characters.next() {
            guard character == "\\", let escaped = characters.next() else {
                result.append(character)
                continue
            }
            switch escaped {
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            default: result.append(escaped)
            }
        }
        return result
    }

    /// Splits an argument line like a shell: spaces separate words; single and double quotes group.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if let open = quote {
                if character == open {
                    quote = nil
                } else if open == "\"" && character == "\\", let next = iterator.next() {
                    if next != "\"" && next != "\\" { current.append("\\") }
                    current.append(next)
                } else {
                    current.append(character)
                }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
