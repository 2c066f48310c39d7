import ShellSyntax

/// Parses the input as a script; a parsed script must print to a form that parses again and prints the same.
enum ShellParserFuzz {
    static func run(_ bytes: [UInt8]) -> String? {
        let source = String(decoding: bytes, as: UTF8.self)
        guard let script = try? Parser.parse(source) else { return nil }
        let printed = script.description
        let reparsed: Script
        do {
            reparsed = try Parser.parse(printed)
        } catch {
            return "the canonical form does not parse (\(error.message)):\n\(printed)"
        }
        let reprinted = reparsed.description
        return reprinted == printed ? nil : "printing is not stable:\n\(printed)\n---\n\(reprinted)"
    }
}
