import Foundation
import Testing

/// Every error, warning and note reaches stderr through the one masking point: `DiagnosticRenderer` (which
/// masks what it renders) or `ByteOutput.writeDiagnostic` (a builtin's own wording). A plain `stderr.write` in
/// the sources is allowed only where a command outputs data the user asked for on stderr, each place listed here
/// with the reason: a new diagnostic written around the mask fails this test.
@Suite("Diagnostic funnel")
struct DiagnosticFunnelTests {
    /// Plain stderr writes that are output, not diagnostics: file (under Sources/) → how many, and why.
    static let outputWrites: [String: (count: Int, reason: String)] = [
        "HTTPTransfer/Transfer/CurlTransfer.swift": (9, "curl -v's trace, as curl prints it"),
        "HTTPTransfer/Transfer/CurlProgressMeter.swift": (3, "curl's progress meter"),
        "ShellBuiltins/Curl/CurlProgressBar.swift": (2, "curl -#'s progress bar and its closing newline"),
        "ShellBuiltins/Core/Read.swift": (1, "read -p's prompt"),
        "ShellBuiltins/JQ/JQRunner.swift": (2, "halt_error's message, written as jq writes it"),
        "ShellBuiltins/JQ/JQInputReader.swift": (3, "jq's debug and stderr builtins"),
        "ShellRuntime/Execution/Interpreter+simpleCommand.swift": (1, "set -x's trace (masked by SecretMasking)"),
        "ShellApp/Banner.swift": (1, "the interactive banner"),
        "LivePersonSession/Replay.swift": (2, "replay shows the (masked) transcript's command and its keys"),
        "LivePersonSession/Tokens.swift": (1, "tokens refresh shows the step it runs"),
    ]

    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// The plain stderr writes of each file: a `…stderr….write(` whose statement renders nothing.
    static func plainWrites() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        let enumerator = FileManager.default.enumerator(atPath: sources.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift"), !relative.hasPrefix("ShellTestSupport/") else { continue }
            let text = try String(contentsOfFile: sources.path + "/" + relative, encoding: .utf8)
            var rest = Substring(text)
            while let match = rest.firstMatch(of: /stderr\w*\.write\(/) {
                let statement = rest[match.range.upperBound...].prefix(120)
                if !statement.contains("render") { counts[relative, default: 0] += 1 }
                rest = rest[match.range.upperBound...]
            }
        }
        return counts
    }

    @Test func everyOtherStderrWriteIsMasked() throws {
        let counts = try Self.plainWrites()
        #expect(!counts.isEmpty, "no source files found under \(Self.sources.path)")
        for (file, count) in counts.sorted(by: { $0.key < $1.key }) {
            let allowed = Self.outputWrites[file]?.count ?? 0
            #expect(
                count <= allowed,
                "\(file) writes \(count) plain line(s) to stderr (\(allowed) listed): write diagnostics with writeDiagnostic or the renderer"
            )
        }
    }

    @Test func theListNamesOnlyWritesThatExist() throws {
        let counts = try Self.plainWrites()
        for (file, entry) in Self.outputWrites {
            #expect(counts[file] == entry.count, "\(file): listed \(entry.count), found \(counts[file] ?? 0)")
        }
    }
}
