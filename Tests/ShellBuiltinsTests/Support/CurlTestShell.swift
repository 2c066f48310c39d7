import ShellBuiltins
import ShellRuntime

/// The smallest `ShellServices` a builtin test needs: no nested execution, no history.
final class CurlTestShell: ShellServices {
    func run(source: String, name: String, state: inout ShellState, io: IOStreams) -> ExitStatus { .failure }
    var builtins: [any Builtin.Type] { StandardBuiltins.all }
    var history: [String] { [] }
    func clearHistory() {}
}

/// What a builtin printed and returned.
struct BuiltinResult {
    var stdout: [UInt8]
    var stderr: String
    var status: ExitStatus
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs a builtin with captured streams, the given environment and working directory.
func runBuiltin(
    _ type: any Builtin.Type, _ arguments: [String], stdin: String = "", environment: [String: String] = [:],
    directory: String? = nil, stdoutIsTerminal: Bool = false
) -> BuiltinResult {
    let io = IOStreams(
        stdin: ByteInput(string: stdin), stdout: ByteOutput(capturingAsTerminal: stdoutIsTerminal),
        stderr: .capturing())
    var state = ShellState(environment: environment)
    if let directory { state.workingDirectory = directory }
    var context = CommandContext(
        name: type.name, arguments: arguments, io: io, state: state, shell: CurlTestShell())
    let status = type.init().run(&context)
    return BuiltinResult(stdout: io.stdout.capturedBytes, stderr: io.stderr.capturedString, status: status)
}
