import JSONQuery
import ShellRuntime
import ShellSyntax

/// Prints compile errors as jq does, plus lp-shell's caret line under the offending token.
enum JQDiagnostics {
    static func writeCompileErrors(_ errors: [QueryCompileError], source: String, to output: ByteOutput) {
        let renderer = DiagnosticRenderer(programName: "jq")
        for error in errors {
            var program = SourceText(source)
            var range = SourceRange(start: error.offset, end: error.offset + error.length)
            if let module = error.module {
                // A module file can be long: show only the line of the error, under the file's name.
                let bytes = Array(module.text.utf8)
                let offset = min(error.offset, bytes.count)
                let start = bytes[..<offset].lastIndex(of: 10).map { $0 + 1 } ?? 0
                let end = bytes[offset...].firstIndex(of: 10) ?? bytes.count
                let line = 1 + bytes[..<start].count { $0 == 10 }
                program = SourceText(
                    String(decoding: bytes[start..<end], as: UTF8.self), fileName: module.path, firstLineNumber: line)
                range = SourceRange(start: offset - start, end: min(offset - start + error.length, end - start))
            }
            let diagnostic = Diagnostic(
                .error, error.message, kind: "error", location: SourceLocation(range, in: program))
            output.write(renderer.renderInJQLayout(diagnostic))
        }
        output.writeDiagnostic("jq: \(errors.count) compile error\(errors.count == 1 ? "" : "s")\n")
    }
}
