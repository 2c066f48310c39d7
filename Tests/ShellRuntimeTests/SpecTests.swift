import ShellTestSupport
import Testing

/// Runs every case of every spec file through the built `lp-shell` exactly as `scripts/compare-shells --shell`.
@Suite("Spec files")
struct SpecTests {
    @Test("spec files parse and hold enough cases")
    func specFilesParse() throws {
        let cases = try SpecCatalog.load()
        #expect(cases.count >= 150)
        #expect(Set(cases.map(\.file)).count >= 10)
        #expect(cases.contains { $0.isLPShellOnly })
        #expect(cases.contains { !$0.stderrContains.isEmpty })
    }

    @Test("spec case", arguments: SpecCatalog.all)
    func specCase(_ specCase: SpecCase) async throws {
        let binary = try LPShellBinary.locate()
        let result = try await offThreadProcess { try SpecRunner.run(specCase, with: binary) }
        let problems = SpecRunner.problems(result, for: specCase)
        #expect(problems.isEmpty, "\(specCase)\n\(problems.joined(separator: "\n"))\ncode:\n\(specCase.code)")
        #expect(!result.stderr.contains("Fatal error"), "\(specCase): \(result.stderr)")
    }
}
