import LivePersonSession
import ShellRuntime
import ShellTestSupport
import Testing

/// `replay` shows each command in colour only when TerminalStyle allows it (a terminal, no NO_COLOR, TERM not dumb).
@Suite("replay colour")
struct ReplayColorTests {
    /// What `replay` writes to a terminal-like stderr before running the transcript's one command.
    func shownLine(environment: [String: String]) throws -> String {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try folder.write("echo hi\n", to: "t.sh")
        let io = IOStreams(
            stdin: ByteInput(string: ""), stdout: .capturing(), stderr: ByteOutput(capturingAsTerminal: true))
        var state = ShellState(environment: environment)
        state.workingDirectory = folder.path
        var context = CommandContext(
            name: "replay", arguments: ["t.sh"], io: io, state: state, shell: SessionTestShell())
        guard let replay = LivePersonBuiltins.all.first(where: { $0.name == "replay" }) else { return "" }
        _ = replay.init().run(&context)
        return String(io.stderr.capturedString.prefix { $0 != "\n" })
    }

    @Test func colourAtATerminal() throws {
        #expect(try shownLine(environment: ["TERM": "xterm"]) == "\u{1B}[1;36m▶ echo hi\u{1B}[0m")
    }

    @Test func noColorEvenEmptyAndDumbTerminalsArePlain() throws {
        #expect(try shownLine(environment: ["NO_COLOR": ""]) == "▶ echo hi")
        #expect(try shownLine(environment: ["TERM": "dumb"]) == "▶ echo hi")
    }
}

/// The smallest `ShellServices` a LivePerson builtin test needs: no nested execution, no history.
final class SessionTestShell: ShellServices {
    func run(source: String, name: String, state: inout ShellState, io: IOStreams) -> ShellRuntime.ExitStatus {
        .failure
    }
    var builtins: [any Builtin.Type] { LivePersonBuiltins.all }
    var history: [String] { [] }
    func clearHistory() {}
}
