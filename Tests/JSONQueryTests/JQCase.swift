import Foundation
import JSONQuery

/// One golden case from `Cases/*.test` (Oils spec-file syntax, gojq `cli/test.yaml` fields).
struct JQCase: CustomStringConvertible, Sendable {
    var file: String
    var name: String
    var arguments: [String] = []
    var input = ""
    var expected = ""
    var error: String?
    var exitCode: Int32 = 0
    var environment: [String: String] = [:]
    var files: [String: String] = [:]
    var differsFromJQ16: String?
    /// Why Debian's jq 1.6 patch levels answer this case differently from each other (`## jq1.6-patch-levels:`):
    /// no one answer of the peer holds, so the differential test leaves the case to the golden test.
    var variesAcrossJQ16PatchLevels: String?
    var terminal = false

    var description: String { "\(file): \(name)" }

    /// The filter among the arguments (nil with `-f`).
    var filter: String? {
        var index = 0
        var skipOptions = true
        while index < arguments.count {
            let argument = arguments[index]
            if skipOptions && argument == "--" {
                skipOptions = false
            } else if skipOptions && argument.hasPrefix("-") && argument.count > 1 {
                if argument == "-f" || argument == "--from-file" { return nil }
                switch argument {
                case "--arg", "--argjson", "--slurpfile", "--rawfile": index += 2
                case "--indent", "-L": index += 1
                default: break
                }
            } else {
                return argument
            }
            index += 1
        }
        return nil
    }

    /// Every case of every file in the bundled `Cases` folder.
    static func loadAll() -> [JQCase] {
        guard let folder = Bundle.module.url(forResource: "Cases", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".test") }.sorted().flatMap { name in
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            return parse(text, file: name)
        }
    }

    static func parse(_ text: String, file: String) -> [JQCase] {
        var cases: [JQCase] = []
        var current: JQCase?
        var block: String?
        var blockLines: [String] = []
        func finishBlock() {
            guard let field = block, current != nil else { return }
            let body = blockLines.map { $0 + "\n" }.joined()
            switch field {
            case "input": current!.input = body
            case "expected", "STDOUT": current!.expected = body
            case "error": current!.error = body
            default:
                if field.hasPrefix("file ") { current!.files[String(field.dropFirst(5))] = body }
            }
            block = nil
            blockLines = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if block != nil {
                if line == "## END" {
                    finishBlock()
                } else {
                    blockLines.append(line)
                }
                continue
            }
            if line.hasPrefix("#### ") {
                if let current { cases.append(current) }
                current = JQCase(file: file, name: String(line.dropFirst(5)))
                continue
            }
            guard line.hasPrefix("## "), current != nil else { continue }
            let content = line.dropFirst(3)
            let (key, value): (String, String?)
            if let colon = content.firstIndex(of: ":") {
                key = String(content[..<colon])
                let rest = content[content.index(after: colon)...]
                value = rest.isEmpty ? nil : String(rest.dropFirst())
            } else {
                key = String(content)
                value = nil
            }
            switch key {
            case "args": current!.arguments = splitWords(value ?? "")
            case "exit_code": current!.exitCode = Int32(value ?? "0") ?? 0
            case "env":
                if let value, let equals = value.firstIndex(of: "=") {
                    current!.environment[String(value[..<equals])] = String(value[value.index(after: equals)...])
                }
            case "jq1.6-differs": current!.differsFromJQ16 = value ?? "unspecified"
            case "jq1.6-patch-levels": current!.variesAcrossJQ16PatchLevels = value ?? "unspecified"
            case "terminal": current!.terminal = true
            case "input-json", "stdout-json", "error-json":
                let decoded = (try? JSONParser.parseSingle(value ?? "\"\""))?.stringValue ?? ""
                switch key {
                case "input-json": current!.input = decoded
                case "stdout-json": current!.expected = decoded
                default: current!.error = decoded
                }
            case "input", "expected", "STDOUT", "error", "stdout":
                if let value {
                    let field = key == "stdout" ? "expected" : key
                    block = field
                    blockLines = [value]
                    finishBlock()
                } else {
                    block = key
                }
            default:
                if key.hasPrefix("file ") { block = key }
            }
        }
        if let current { cases.append(current) }
        return cases
    }

    /// Splits shell-like words: whitespace separates, '…' is literal, "…" allows \" and \\.
    static func splitWords(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var iterator = Array(text).makeIterator()
        while let character = iterator.next() {
            switch character {
            case " ", "\t":
                if inWord { words.append(word) }
                word = ""
                inWord = false
            case "'":
                inWord = true
                while let next = iterator.next(), next != "'" { word.append(next) }
            case "\"":
                inWord = true
                while let next = iterator.next(), next != "\"" {
                    if next == "\\", let escaped = iterator.next() {
                        if escaped != "\"" && escaped != "\\" { word.append("\\") }
                        word.append(escaped)
                    } else {
                        word.append(next)
                    }
                }
            default:
                inWord = true
                word.append(character)
            }
        }
        if inWord { words.append(word) }
        return words
    }
}
