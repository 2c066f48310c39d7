import Foundation

/// Parses the Oils-style spec files in `Tests/ShellRuntimeTests/Spec` exactly as `scripts/compare-shells` does.
///
/// ```
/// #### case name
/// echo "$A"
/// ## stdout: x
/// ## status: 0
/// ## stderr-contains: syntax error
/// ## OK bash stdout: y        (bash/dash overrides: parsed, not used for lp-shell)
/// ```
public enum SpecFile {
    /// The shells `## OK|N-I|BUG <shell>` overrides may name.
    static let knownShells: Set<String> = ["bash", "dash"]
    static let keys: Set<String> = ["stdout", "STDOUT", "status", "stderr-contains", "lp-shell-only", "tags"]

    /// Parses one file's text; `fileName` is used in the cases and in errors.
    public static func parse(_ text: String, fileName: String) throws(SpecFileError) -> [SpecCase] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var cases: [SpecCase] = []
        var builder: Builder?
        var names: Set<String> = []
        var block: (shell: String?, lines: [String])?

        func finish() {
            if let builder { cases.append(builder.build()) }
        }

        for (index, line) in lines.enumerated() {
            let number = index + 1
            func error(_ message: String) -> SpecFileError {
                SpecFileError(file: fileName, line: number, message: message)
            }
            if let open = block {
                if line == "## END" {
                    if open.shell == nil { builder?.stdout = open.lines.map { $0 + "\n" }.joined() }
                    block = nil
                } else {
                    block?.lines.append(line)
                }
                continue
            }
            if line.hasPrefix("#### ") {
                let name = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { throw error("empty case name") }
                guard names.insert(name).inserted else { throw error("duplicate case name '\(name)'") }
                finish()
                builder = Builder(name: name, file: fileName, line: number)
                continue
            }
            guard var current = builder else {
                if !line.trimmingCharacters(in: .whitespaces).isEmpty && !line.hasPrefix("#") {
                    throw error("only '# ' comment lines may precede the first case")
                }
                continue
            }
            defer { builder = current }
            if line == "##" || line.hasPrefix("## ") {
                current.inCode = false
                guard let annotation = Annotation(line) else { throw error("unknown annotation '\(line)'") }
                if let shell = annotation.shell, !knownShells.contains(shell) {
                    throw error("override for unknown shell '\(shell)'")
                }
                switch annotation.key {
                case "STDOUT":
                    block = (annotation.shell, [])
                case "stdout":
                    if annotation.shell == nil { current.stdout = annotation.value + "\n" }
                case "status":
                    guard let status = Int32(annotation.value.trimmingCharacters(in: .whitespaces)), status >= 0
                    else { throw error("status must be a number") }
                    if annotation.shell == nil { current.status = status }
                case _ where annotation.shell != nil:
                    throw error("only stdout/STDOUT/status can be overridden")
                case "stderr-contains":
                    guard !annotation.value.isEmpty else { throw error("empty stderr-contains") }
                    current.stderrContains.append(annotation.value)
                case "lp-shell-only":
                    guard !annotation.value.isEmpty else { throw error("lp-shell-only needs a reason") }
                    current.lpShellOnlyReason = annotation.value
                default:
                    current.tags = annotation.value.split(separator: " ").map(String.init)
                }
                continue
            }
            if current.inCode {
                current.codeLines.append(line)
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                throw error("text after the annotations of case '\(current.name)'")
            }
        }
        if block != nil {
            throw SpecFileError(file: fileName, line: lines.count, message: "STDOUT block without ## END")
        }
        finish()
        for specCase in cases where specCase.code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw SpecFileError(file: fileName, line: specCase.line, message: "case '\(specCase.name)' has no code")
        }
        return cases
    }

    /// The spec folder in the source tree (for test targets that do not bundle it).
    public static var sourceDirectory: URL {
        LPShellBinary.packageRoot.appendingPathComponent("Tests/ShellRuntimeTests/Spec", isDirectory: true)
    }

    /// Every case of every `*.test.sh` file in `directory`, files in name order.
    public static func load(directory: URL) throws -> [SpecCase] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".test.sh") }.sorted()
        var cases: [SpecCase] = []
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            cases += try parse(text, fileName: name)
        }
        return cases
    }

    /// A case being collected.
    private struct Builder {
        var name: String
        var file: String
        var line: Int
        var codeLines: [String] = []
        var inCode = true
        var stdout = ""
        var status: Int32 = 0
        var stderrContains: [String] = []
        var lpShellOnlyReason: String?
        var tags: [String] = []

        init(name: String, file: String, line: Int) {
            self.name = name
            self.file = file
            self.line = line
        }

        func build() -> SpecCase {
            var lines = codeLines
            while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
            return SpecCase(
                name: name, code: lines.map { $0 + "\n" }.joined(), expectedStdout: stdout, expectedStatus: status,
                stderrContains: stderrContains, lpShellOnlyReason: lpShellOnlyReason, tags: tags, file: file,
                line: line)
        }
    }

    /// `## [OK|N-I|BUG shell ]key[:][ value]`.
    private struct Annotation {
        var shell: String?
        var key: String
        var value: String

        init?(_ line: String) {
            guard line.hasPrefix("## ") else { return nil }
            var rest = Substring(line.dropFirst(3))
            for kind in ["OK ", "N-I ", "BUG "] where rest.hasPrefix(kind) {
                let afterKind = rest.dropFirst(kind.count)
                guard let space = afterKind.firstIndex(of: " ") else { return nil }
                let shell = afterKind[..<space]
                guard !shell.isEmpty,
                    shell.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
                else { return nil }
                self.shell = String(shell)
                rest = afterKind[afterKind.index(after: space)...]
                break
            }
            guard
                let key = SpecFile.keys.sorted(by: { $0.count > $1.count }).first(where: { rest.hasPrefix($0) })
            else { return nil }
            rest = rest.dropFirst(key.count)
            if rest.hasPrefix(":") { rest = rest.dropFirst() }
            if rest.isEmpty {
                value = ""
            } else if rest.hasPrefix(" ") {
                value = String(rest.dropFirst())
            } else {
                return nil
            }
            self.key = key
        }
    }
}

/// A malformed spec file: `file:line: message`.
public struct SpecFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name.
    public var file: String
    /// The offending line (1-based).
    public var line: Int
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}
