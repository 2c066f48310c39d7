import Foundation
import JSONQuery

/// Compiles the first line as a jq program and runs it on the JSON values of the rest, with at most 200 outputs
/// and a 100 ms budget per input (jq programs may loop forever by design, which is not a finding).
enum JQFuzz {
    static func run(_ bytes: [UInt8]) -> String? {
        let newline = bytes.firstIndex(of: 10) ?? bytes.endIndex
        let source = String(decoding: bytes[..<newline], as: UTF8.self)
        guard let program = try? JQProgram(source) else { return nil }
        let inputBytes = newline < bytes.endIndex ? Array(bytes[(newline + 1)...]) : Array("null".utf8)
        guard let inputs = try? JSONParser.parseAll(inputBytes) else { return nil }
        let host = BudgetHost(seconds: 0.1)
        let session = JQSession(variables: [], environment: ["HOME": "/fuzz"], host: host)
        LargeStack.run {
            var writer = JSONWriter()
            var outputs = 0
            for input in inputs.prefix(5) {
                try? program.run(input: input, session: session) { value in
                    outputs += 1
                    if outputs > 200 || writer.buffer.count > 1 << 20 { throw BudgetExceeded() }
                    writer.write(value)
                }
            }
        }
        return nil
    }

    private struct BudgetExceeded: Error {}

    /// No inputs, no output; "interrupted" once the time budget is spent.
    private final class BudgetHost: QueryHost {
        let deadline: Date
        init(seconds: Double) { deadline = Date(timeIntervalSinceNow: seconds) }
        func nextInput() throws -> JSONValue? { nil }
        func debug(_ value: JSONValue) {}
        func stderr(_ value: JSONValue) {}
        var currentFilename: String? { nil }
        var inputLineNumber: Int { 0 }
        var isInterrupted: Bool { Date() > deadline }
    }
}
