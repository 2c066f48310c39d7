import ShellBuiltins
import ShellRuntime
import Testing

/// The runtime knows nothing of LivePerson: a layer watches the variables it names, advises on unset ones and sees
/// each command through one observer, and keeps its own state in the shell state's layer storage.
struct ShellObserverTests {
    final class Seen: @unchecked Sendable {
        // @unchecked: one test's interpreter runs on one thread.
        var expanded: [String] = []
        var commands: [[String]] = []
    }

    struct Watcher: ShellObserver {
        let seen: Seen
        func watches(variable name: String) -> Bool { name.hasPrefix("APP_") }
        func didExpand(variable name: String, state: inout ShellState, io: IOStreams) { seen.expanded.append(name) }
        func hint(forUnset name: String, state: ShellState) -> String? { "run setup first" }
        func willRun(_ words: [String], state: inout ShellState, io: IOStreams) { seen.commands.append(words) }
    }

    func run(_ source: String, observer: (any ShellObserver)?) -> (stderr: String, state: ShellState) {
        let shell = Interpreter(builtins: StandardBuiltins.all)
        if let observer { shell.observer = observer }
        var state = ShellState(environment: ["APP_SET": "1", "LP_IDP": "x"])
        let io = IOStreams(stdin: ByteInput(string: ""), stdout: .capturing(), stderr: .capturing())
        _ = shell.run(source: source, name: "-c", state: &state, io: io)
        return (io.stderr.capturedString, state)
    }

    @Test func onlyWatchedVariablesReachTheObserver() {
        let seen = Seen()
        let result = run(": $APP_SET $APP_UNSET $OTHER_UNSET $LP_IDP", observer: Watcher(seen: seen))
        #expect(seen.expanded == ["APP_SET"])
        #expect(seen.commands == [[":", "1", "x"]])
        #expect(result.stderr.contains("APP_UNSET is not set; run setup first"))
        #expect(!result.stderr.contains("OTHER_UNSET"))
    }

    @Test func aPlainShellWatchesNothing() {
        #expect(run(": $LP_UNSET $APP_UNSET", observer: nil).stderr.isEmpty)
    }

    enum Visits: ShellStateKey { static var defaultValue: Int { 0 } }

    @Test func layersKeepTheirOwnValuesInTheState() {
        var state = ShellState(environment: [:])
        #expect(state.layers[Visits.self] == 0)
        state.layers[Visits.self] += 2
        let copy = state
        state.layers[Visits.self] += 1
        #expect(state.layers[Visits.self] == 3 && copy.layers[Visits.self] == 2)
    }
}
