import OptionParsing
import ShellRuntime
import Testing

@testable import LivePersonSession

/// The LivePerson builtins' `--help` is generated from their option tables, so it lists every option they accept.
@Suite("LivePerson builtin help")
struct LivePersonHelpTests {
    static let builtins: [(name: String, usage: String, table: OptionTable)] = [
        (Save.name, Save.usage, Save.options),
        (Replay.name, Replay.usage, Replay.options),
        (Step.name, Step.usage, Step.options),
    ]

    @Test(arguments: builtins.map(\.name))
    func helpListsEveryOption(name: String) throws {
        let builtin = try #require(Self.builtins.first { $0.name == name })
        #expect(builtin.table.undocumentedOptions(in: builtin.usage).isEmpty)
        #expect(builtin.table.command == name)
    }
}
