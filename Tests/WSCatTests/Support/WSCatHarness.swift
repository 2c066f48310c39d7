import Foundation
import ShellRuntime

@testable import LivePersonSession
@testable import ShellBuiltins

/// A shell that hands `wscat` the lines of a script, as the interpreter does in batch mode.
final class ScriptShell: ShellServices, @unchecked Sendable {
    // @unchecked: used by one builtin run on one thread.
    private var lines: [String]

    init(lines: [String]) { self.lines = lines }

    /// The lines wscat did not consume (the shell would run them).
    var remaining: [String] { lines }

    func run(source: String, name: String, state: inout ShellState, io: IOStreams) -> ExitStatus { .success }
    var builtins: [any Builtin.Type] { [] }
    var history: [String] { [] }
    func clearHistory() {}
    func readScriptLine() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
    func unreadScriptLine(_ line: String) { lines.insert(line, at: 0) }
}

/// The result of one `wscat` run.
struct WSCatResult: Sendable {
    var status: ExitStatus
    var stdout: String
    var stderr: String
    var variables: VariableStore
    var remainingScript: [String]

    /// Non-empty stdout lines.
    var frames: [String] { stdout.split(separator: "\n").map(String.init) }
}

enum WSCatHarness {
    /// The test process's stdin becomes an empty pipe, so a wscat that falls back to reading fd 0 after the
    /// script lines sees the end of input instead of waiting on a terminal.
    static let emptyStandardInput: Void = {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            close(fds[1])
            dup2(fds[0], 0)
            close(fds[0])
        }
    }()

    /// Runs `wscat ARGUMENTS` on its own thread (it blocks), with `script` as the following script lines and
    /// `stdin` as redirected input.
    static func run(
        _ arguments: [String], script: [String] = [], stdin: String? = nil, environment: [String: String] = [:],
        variables: [String: String] = [:]
    ) async -> WSCatResult {
        _ = emptyStandardInput
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                let shell = ScriptShell(lines: script)
                var state = ShellState(environment: environment)
                for (name, value) in variables { try? state.variables.set(name, to: value) }
                // Script lines are read only when stdin is the shell's own (fd 0) input; otherwise the input.
                let io: IOStreams
                if stdin == nil {
                    io = IOStreams(stdin: ByteInput(fileDescriptor: 0), stdout: .capturing(), stderr: .capturing())
                } else {
                    io = IOStreams.capturing(input: stdin ?? "")
                }
                var context = CommandContext(name: "wscat", arguments: arguments, io: io, state: state, shell: shell)
                let status = MessagingWSCat().run(&context)
                continuation.resume(
                    returning: WSCatResult(
                        status: status, stdout: io.stdout.capturedString, stderr: io.stderr.capturedString,
                        variables: context.state.variables, remainingScript: shell.remaining))
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
