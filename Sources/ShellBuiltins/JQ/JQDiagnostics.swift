import JSONQuery
import ShellRuntime
import ShellSyntax

/// Prints compile errors as jq does, plus lp-shell's caret line under the offending token.
enum JQDiagnostics {
    static func writeCompileErrors(_ errors: [QueryCompileError], source: String, to output: ByteOutput) {
        let renderer = DiagnosticRenderer(programName: "jq")
        for error in errors {
            let program = error.module.map { SourceText($0.text, fileName: $0.path) } ?? SourceText(source)
            let range = SourceRange(start: error.offset, end: error.offset + error.length)
            let diagnostic = Diagnostic(
                .error, error.message, kind: "error", location: SourceLocation(range, in: program))
            output.write(renderer.renderInJQLayout(diagnostic))
        }
        output.writeDiagnostic("jq: \(errors.count) compile error\(errors.count == 1 ? "" : "s")\n")
    }
}
