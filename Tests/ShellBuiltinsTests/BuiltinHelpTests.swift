import OptionParsing
import ShellRuntime
import Testing

@testable import ShellBuiltins

/// Every builtin's `--help` is generated from its option table, so it lists every option the parser accepts.
@Suite("Builtin help")
struct BuiltinHelpTests {
    static let builtins: [(name: String, usage: String, table: OptionTable)] = [
        (Curl.name, Curl.usage, CurlOptionParser.table),
        (Read.name, Read.usage, Read.options),
        (Export.name, Export.usage, Export.options),
        (Readonly.name, Readonly.usage, Readonly.options),
        (Cd.name, Cd.usage, Cd.options),
        (Pwd.name, Pwd.usage, Pwd.options),
        (Unset.name, Unset.usage, Unset.options),
        (History.name, History.usage, History.options),
        (Env.name, Env.usage, Env.options),
        (SetCommand.name, SetCommand.usage, SetCommand.options),
    ]

    @Test(arguments: builtins.map(\.name))
    func helpListsEveryOption(name: String) throws {
        let builtin = try #require(Self.builtins.first { $0.name == name })
        #expect(builtin.table.undocumentedOptions(in: builtin.usage).isEmpty)
        #expect(builtin.table.command == name)
    }

    @Test func curlHelpKeepsItsColumns() {
        #expect(Curl.usage.hasPrefix("Usage: curl [options...] <url>\n -X, --request <method>     Specify request"))
        #expect(Curl.usage.contains("\n     --pretty               lp-shell extension"))
    }

    @Test func shellBuiltinsWordErrorsLikeTheShell() {
        let read = runBuiltin(Read.self, ["-z"])
        #expect(read.stderr == "read: -z: invalid option\nusage: read [-r] [-p PROMPT] NAME ...\n")
        #expect(read.status == .usage)
        #expect(runBuiltin(Read.self, ["-p"]).stderr == "read: -p: option requires an argument\n")
        #expect(runBuiltin(Read.self, ["-rp", "> ", "A"], stdin: "x\n").stderr == "> ")
        #expect(runBuiltin(Pwd.self, ["x"]).stderr == "pwd: x: invalid option\nusage: pwd [-LP]\n")
        #expect(
            runBuiltin(SetCommand.self, ["+eZ"]).stderr
                == "set: +Z: invalid option\nusage: set [-aeufvxC] [+aeufvxC] [-o OPTION] [+o OPTION] [--|-] [ARG ...]\n"
        )
        #expect(runBuiltin(Cd.self, ["-LP", "-q"]).stderr == "cd: -q: invalid option\nusage: cd [-L|-P] [DIR]\n")
    }
}
