import JSONQuery
import ShellRuntime

/// Prints compile errors as jq does, plus lp-shell's caret line under the offending token.
enum JQDiagnostics {
    static func writeCompileErrors(_ errors: [QueryCompileError], source: String, to output: ByteOutput) {
        let bytes = Array(source.utf8)
        for error in errors {
            let offset = min(error.offset, bytes.count)
            let line = bytes[..<offset].reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
            output.write("jq: error: \(error.message) at <top-level>, line \(line):\n\(source)\n")
            // lp-shell addition: point at the token within its line.
            let lineStart = bytes[..<offset].lastIndex(of: 10).map { $0 + 1 } ?? 0
            let lineEnd = bytes[offset...].firstIndex(of: 10) ?? bytes.count
            if source.contains("\n") {
                output.write(String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self) + "\n")
            }
            let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count
            let width = max(1, min(error.length, lineEnd - offset))
            output.write(String(repeating: " ", count: column) + String(repeating: "^", count: width) + "\n")
        }
        output.write("jq: \(errors.count) compile error\(errors.count == 1 ? "" : "s")\n")
    }
}
