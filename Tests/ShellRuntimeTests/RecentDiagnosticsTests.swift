import Testing

@testable import ShellRuntime

/// The error lines a class's progress report takes its `lastError` from.
@Suite("Recent diagnostics")
struct RecentDiagnosticsTests {
    @Test func errorLinesAreKeptWarningsNotesAndExcerptsAreNot() {
        #expect(RecentDiagnostics.errorLine("curl: (7) Failed to connect") == "curl: (7) Failed to connect")
        #expect(RecentDiagnostics.errorLine("lp-shell: warning: LP_JWT expired") == nil)
        #expect(RecentDiagnostics.errorLine("lp-shell: note: sandbox mode") == nil)
        #expect(RecentDiagnostics.errorLine("  echo \"hello") == nil)
        #expect(RecentDiagnostics.errorLine("\u{1B}[1;31mlp-shell\u{1B}[0m: syntax error") == "lp-shell: syntax error")
    }
}
